import { AdminScreen } from '../features/admin/AdminScreen';
import { AuditScreen } from '../features/audit/AuditScreen';
import { BackReadingPacketScreen } from '../features/back-reading/BackReadingPacketScreen';
import { BackReadingScreen } from '../features/back-reading/BackReadingScreen';
import { AdjudicationScoringScreen } from '../features/committee/AdjudicationScoringScreen';
import { AdjudicationScreen } from '../features/committee/AdjudicationScreen';
import { DecisionScreen } from '../features/committee/DecisionScreen';
import { ConflictScreen } from '../features/hub/ConflictScreen';
import { HubScreen } from '../features/hub/HubScreen';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { NormingBoardScreen } from '../features/norming-board/NormingBoardScreen';
import { NormingScoringScreen } from '../features/norming/NormingScoringScreen';
import { NormingSessionScreen } from '../features/norming/NormingSessionScreen';
import { NormingSessionsScreen } from '../features/norming/NormingSessionsScreen';
import { PacketScreen } from '../features/packet/PacketScreen';
import { ScorerQualityScreen } from '../features/scorer-quality/ScorerQualityScreen';
import { WindowDashboardScreen } from '../features/window-dashboard/WindowDashboardScreen';
import { useRoute } from './route';

export function App() {
  const route = useRoute();
  switch (route.screen) {
    case 'packet':
      return <PacketScreen key={route.packetId} packetId={route.packetId} itemId={route.itemId} />;
    case 'hub':
      return <HubScreen startDemo={route.startDemo ?? false} />;
    case 'conflict':
      return <ConflictScreen key={route.scoreId} scoreId={route.scoreId} />;
    case 'norming':
      return <NormingBoardScreen key={route.sessionId} sessionId={route.sessionId} />;
    case 'window':
      return <WindowDashboardScreen key={route.windowId} windowId={route.windowId} />;
    case 'scorers':
      return <ScorerQualityScreen key={route.windowId} windowId={route.windowId} />;
    case 'back-reading':
      return route.packetId ? (
        <BackReadingPacketScreen
          key={`${route.windowId}/${route.packetId}`}
          windowId={route.windowId}
          packetId={route.packetId}
        />
      ) : (
        <BackReadingScreen key={route.windowId} windowId={route.windowId} />
      );
    case 'audit':
      return <AuditScreen />;
    case 'adjudication':
      return (
        <AdjudicationScreen
          key={route.adjudicationId}
          windowId={route.windowId}
          adjudicationId={route.adjudicationId}
        />
      );
    case 'adjudication-score':
      return (
        <AdjudicationScoringScreen
          key={route.adjudicationId}
          windowId={route.windowId}
          adjudicationId={route.adjudicationId}
          itemId={route.itemId}
        />
      );
    case 'decision':
      return (
        <DecisionScreen
          key={`${route.windowId}/${route.packetId}`}
          windowId={route.windowId}
          packetId={route.packetId}
        />
      );
    case 'my-norming':
      return <NormingSessionsScreen />;
    case 'my-norming-session':
      return <NormingSessionScreen key={route.sessionId} sessionId={route.sessionId} />;
    case 'my-norming-score':
      return (
        <NormingScoringScreen
          key={`${route.sessionId}/${route.packetId}`}
          sessionId={route.sessionId}
          packetId={route.packetId}
          itemId={route.itemId}
        />
      );
    case 'admin':
      return <AdminScreen section={route.section} />;
    case 'library':
      return <LibraryScreen />;
  }
}

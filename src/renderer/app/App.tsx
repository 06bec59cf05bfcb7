import { ConflictScreen } from '../features/hub/ConflictScreen';
import { HubScreen } from '../features/hub/HubScreen';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { NormingBoardScreen } from '../features/norming-board/NormingBoardScreen';
import { PacketScreen } from '../features/packet/PacketScreen';
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
    case 'library':
      return <LibraryScreen />;
  }
}

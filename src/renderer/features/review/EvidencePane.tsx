import type { Ref } from 'react';
import type { EvidenceAnchor } from '../../../shared/domain/score';
import type { EvidenceItem, PacketManifest } from '../../../shared/packet/manifest';
import { bridge } from '../../bridge';
import { EvidenceViewer, type ViewerHandle, type ViewerMarker, type ViewerPosition } from '../../viewers';
import { EarlierAttempts } from '../packet/EarlierAttempts';
import { EvidenceNavigator } from '../packet/EvidenceNavigator';
import { HISTORY_SECTION, type NavEntry } from '../packet/sections';
import { WrittenResponses } from '../packet/WrittenResponses';

/** The evidence half of the review screen: the navigator and the selected item's viewer. */
export function EvidencePane({
  manifest,
  entries,
  selectedId,
  item,
  onSelect,
  handleRef,
  initialPosition,
  onPositionChange,
  onAnchorDrawn,
  markers,
}: {
  manifest: PacketManifest;
  entries: NavEntry[];
  selectedId: string;
  item: EvidenceItem | undefined;
  onSelect(id: string): void;
  handleRef: Ref<ViewerHandle | null>;
  initialPosition: ViewerPosition | undefined;
  onPositionChange(position: ViewerPosition): void;
  onAnchorDrawn(anchor: EvidenceAnchor): void;
  markers: ViewerMarker[];
}) {
  return (
    <div className="evidence-side">
      <EvidenceNavigator entries={entries} selectedId={selectedId} onSelect={onSelect} manifest={manifest} />
      <div className="evidence-pane">
        <header className="evidence-header">
          <h2 id="evidence-title">{item?.title ?? entries.find((e) => e.id === selectedId)?.label}</h2>
          {item?.description && <p className="muted">{item.description}</p>}
        </header>
        <div className="viewer-host">
          {item ? (
            <EvidenceViewer
              key={item.id}
              item={item}
              url={bridge.evidenceUrl(manifest.packetId, item.path)}
              handleRef={handleRef}
              initialPosition={initialPosition}
              onPositionChange={onPositionChange}
              onAnchorDrawn={onAnchorDrawn}
              markers={markers}
              // A marker in the viewer leads to its comment in the rubric panel.
              onMarkerActivate={(id) =>
                document
                  .querySelector(`[data-comment="${id}"]`)
                  ?.scrollIntoView({ block: 'center', behavior: 'smooth' })
              }
            />
          ) : selectedId === HISTORY_SECTION ? (
            <EarlierAttempts manifest={manifest} />
          ) : (
            <WrittenResponses manifest={manifest} handleRef={handleRef} markers={markers} />
          )}
        </div>
      </div>
    </div>
  );
}

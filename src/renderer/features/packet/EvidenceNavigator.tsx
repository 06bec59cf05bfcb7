import type { KeyboardEvent } from 'react';
import type { PacketManifest } from '../../../shared/packet/manifest';
import type { NavEntry } from './sections';

const KIND_LABEL: Record<string, string> = {
  pdf: 'PDF',
  video: 'Video',
  image: 'Image',
  audio: 'Audio',
  text: 'Text',
  table: 'Table',
  responses: 'Prompts',
  history: 'History',
};

/** The list of evidence in a packet; arrow keys move between entries, Enter opens one. */
export function EvidenceNavigator({
  entries,
  selectedId,
  onSelect,
  manifest,
}: {
  entries: NavEntry[];
  selectedId: string;
  onSelect: (id: string) => void;
  manifest: PacketManifest;
}) {
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-entry]')];
    const index = links.indexOf(document.activeElement as HTMLButtonElement);
    const next = links[Math.max(0, Math.min(links.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };
  return (
    <nav className="navigator" aria-label="Evidence" onKeyDown={onKeyDown}>
      <p className="muted small">
        {manifest.evidence.length} items · submitted {new Date(manifest.submittedAt).toLocaleDateString()}
      </p>
      <ul>
        {entries.map((entry) => (
          <li key={entry.id}>
            <button
              type="button"
              data-entry={entry.id}
              aria-current={entry.id === selectedId ? 'page' : undefined}
              onClick={() => onSelect(entry.id)}
            >
              <span className={`kind kind-${entry.kind}`}>{KIND_LABEL[entry.kind] ?? entry.kind}</span>
              <span className="entry-label">{entry.label}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="muted small hint">
        <kbd>[</kbd> and <kbd>]</kbd> step through the evidence.
      </p>
    </nav>
  );
}

import { useEffect } from 'react';
import type { StoredPacket } from '../../../shared/contract/library';
import { bridge } from '../../bridge';
import { navigate, routeHref } from '../../app/route';
import { EvidenceViewer, preloadViewers } from '../../viewers';
import { EarlierAttempts } from './EarlierAttempts';
import { EvidenceNavigator } from './EvidenceNavigator';
import { HISTORY_SECTION, RESPONSES_SECTION, navEntries } from './sections';
import { usePacket } from './usePacket';
import { WrittenResponses } from './WrittenResponses';
import { VerifyButton } from './VerifyButton';

/** One packet: an evidence navigator beside the selected piece of evidence. */
export function PacketScreen({ packetId, itemId }: { packetId: string; itemId?: string }) {
  const load = usePacket(packetId);
  useEffect(() => {
    performance.mark('anchor:packet-open');
  }, [packetId]);

  if (load.phase === 'loading') {
    return (
      <div className="screen">
        <p role="status" className="notice">
          Opening packet…
        </p>
      </div>
    );
  }
  if (load.phase === 'failed') {
    return (
      <div className="screen">
        <section role="alert" className="problems">
          <h2>This packet could not be opened</h2>
          <p>{load.message}</p>
          <a href={routeHref({ screen: 'library' })}>Back to the library</a>
        </section>
      </div>
    );
  }
  return <PacketWorkspace packet={load.packet} itemId={itemId} />;
}

function PacketWorkspace({ packet, itemId }: { packet: StoredPacket; itemId?: string }) {
  const { manifest } = packet;
  const entries = navEntries(manifest);
  const selectedId = entries.some((e) => e.id === itemId) ? itemId! : (entries[0]?.id ?? RESPONSES_SECTION);
  const item = manifest.evidence.find((e) => e.id === selectedId);
  const select = (id: string) => navigate({ screen: 'packet', packetId: manifest.packetId, itemId: id });
  useEffect(() => preloadViewers(manifest.evidence.map((e) => e.kind)), [manifest]);

  // "[" and "]" step through the evidence from anywhere outside a text field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (event.key !== '[' && event.key !== ']') return;
      const index = entries.findIndex((e) => e.id === selectedId);
      const next = entries[index + (event.key === ']' ? 1 : -1)];
      if (next) {
        event.preventDefault();
        select(next.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const title = item?.title ?? entries.find((e) => e.id === selectedId)?.label ?? '';
  return (
    <div className="screen packet">
      <header className="topbar">
        <a className="back" href={routeHref({ screen: 'library' })}>
          ← Library
        </a>
        <h1>
          {manifest.credential.title}
          <span className="muted">
            {' '}
            · {manifest.candidate.pseudonym} · attempt {manifest.attempt.number}
          </span>
        </h1>
        <div className="topbar-actions">
          <VerifyButton packetId={manifest.packetId} />
        </div>
      </header>
      <div className="workspace">
        <EvidenceNavigator entries={entries} selectedId={selectedId} onSelect={select} manifest={manifest} />
        <main className="evidence-pane" aria-labelledby="evidence-title">
          <header className="evidence-header">
            <h2 id="evidence-title">{title}</h2>
            {item?.description && <p className="muted">{item.description}</p>}
            {item?.promptId && (
              <p className="muted">
                Answers: {manifest.prompts.find((p) => p.id === item.promptId)?.text ?? item.promptId}
              </p>
            )}
          </header>
          <div className="viewer-host">
            {item ? (
              <EvidenceViewer key={item.id} item={item} url={bridge.evidenceUrl(manifest.packetId, item.path)} />
            ) : selectedId === HISTORY_SECTION ? (
              <EarlierAttempts manifest={manifest} />
            ) : (
              <WrittenResponses manifest={manifest} />
            )}
          </div>
        </main>
      </div>
    </div>
  );
}

import { useEffect } from 'react';
import { routeHref } from '../../app/route';
import { ReviewWorkspace } from '../review/ReviewWorkspace';
import { usePacket } from './usePacket';

/** One packet, opened for review: loads the manifest, then shows the review workspace. */
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
          <a href={routeHref({ screen: 'library' })}>Back to the queue</a>
        </section>
      </div>
    );
  }
  return <ReviewWorkspace packet={load.packet} itemId={itemId} />;
}

import { useState } from 'react';
import { navigate } from '../../app/route';
import { bridge } from '../../bridge';
import { describeError } from '../../viewers/common/describeError';

/**
 * Opening a back-read packet's evidence: the committee's own download (verified into the lead's
 * library, as an assessor's pull) and then the packet screen, at an item when a comment's anchor
 * names one. The hub decides who may: a lead reads any scored packet, a conflicted one gets 404,
 * whose message shows beside the buttons. Browser Back returns to the back-reading screen.
 */
export function useOpenEvidence(packetId: string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const open = async (itemId?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await bridge['committee.openEvidence']({ packetId });
      navigate({ screen: 'packet', packetId, itemId });
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
    }
  };
  return { open, busy, error };
}

export type EvidenceOpener = ReturnType<typeof useOpenEvidence>;

/** The screen's button for the whole packet. */
export function OpenEvidenceButton({ opener }: { opener: EvidenceOpener }) {
  return (
    <button type="button" disabled={opener.busy} onClick={() => void opener.open()}>
      {opener.busy ? 'Downloading the evidence…' : 'Open the evidence'}
    </button>
  );
}

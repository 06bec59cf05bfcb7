import { useState } from 'react';
import { bridge } from '../../bridge';

/** Re-checks the cached files against their sha256 digests on request. */
export function VerifyButton({ packetId }: { packetId: string }) {
  const [state, setState] = useState<{ busy: boolean; message?: string; ok?: boolean }>({ busy: false });
  const verify = async () => {
    setState({ busy: true, message: 'Checking every file…' });
    try {
      const result = await bridge['packets.verify']({ packetId });
      setState({
        busy: false,
        ok: result.ok,
        message: result.ok
          ? 'All files match their checksums.'
          : `${result.problems.length} file(s) damaged: ${result.problems.map((p) => p.path).join(', ')}`,
      });
    } catch (error) {
      setState({ busy: false, ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <span className="verify">
      <button type="button" onClick={() => void verify()} disabled={state.busy}>
        Verify files
      </button>
      <span role="status" className={state.ok === false ? 'error-text' : 'muted'}>
        {state.message}
      </span>
    </span>
  );
}

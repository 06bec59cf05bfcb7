import { useId, useRef, useState, type FormEvent } from 'react';
import type { UploadPacketOutcome } from '../../../shared/contract/admin';
import { bridge } from '../../bridge';
import { describeError } from '../../viewers/common/describeError';
import { ErrorLine } from '../hub/ErrorLine';
import { HubPacketList } from './HubPacketList';

const RESULT_WORDS: Record<UploadPacketOutcome['kind'], string> = {
  created: 'Uploaded',
  'already-uploaded': 'Already on the hub',
  refused: 'Refused',
};

/**
 * Uploading .anchor packets, one after another so each file's result (uploaded, already there,
 * refused with the validator's problems) shows as it comes; a refused file does not stop the rest.
 * Below, every packet the hub holds (HubPacketList).
 */
export function PacketsSection() {
  const id = useId();
  const files = useRef<HTMLInputElement>(null);
  const [school, setSchool] = useState('');
  const [district, setDistrict] = useState('');
  const [results, setResults] = useState<UploadPacketOutcome[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // Counted up after each batch: the hub's list reloads its first page, so an upload shows at once.
  const [uploads, setUploads] = useState(0);

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    const picked = [...(files.current?.files ?? [])];
    if (picked.length === 0) return setError('Choose one or more .anchor files first.');
    setBusy(true);
    setError(undefined);
    setResults([]);
    try {
      for (const file of picked) {
        const outcome = await bridge.uploadPacketToHub(file, { school, district });
        setResults((previous) => [...previous, outcome]);
      }
      if (files.current) files.current.value = '';
    } catch (failure) {
      // An outage or a lost session: the files stay chosen, so Upload can simply be pressed again.
      setError(describeError(failure));
    } finally {
      setBusy(false);
      setUploads((count) => count + 1);
    }
  };

  return (
    <>
      <section className="hub-card">
        <form className="admin-form" aria-labelledby={`${id}-title`} onSubmit={(e) => void upload(e)}>
          <h3 id={`${id}-title`}>Upload packets</h3>
          <div className="admin-field">
            <label htmlFor={`${id}-files`}>Packet files (.anchor)</label>
            <input id={`${id}-files`} ref={files} type="file" accept=".anchor" multiple />
          </div>
          <div className="admin-row">
            <div className="admin-field">
              <label htmlFor={`${id}-school`}>School (optional)</label>
              <input id={`${id}-school`} value={school} onChange={(e) => setSchool(e.target.value)} />
            </div>
            <div className="admin-field">
              <label htmlFor={`${id}-district`}>District (optional)</label>
              <input id={`${id}-district`} value={district} onChange={(e) => setDistrict(e.target.value)} />
            </div>
          </div>
          <p className="muted small">
            The candidate's school and district are kept on the hub for conflict-of-interest checks and never shown to
            assessors.
          </p>
          <ErrorLine error={error} />
          <div className="admin-actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Uploading…' : 'Upload'}
            </button>
          </div>
        </form>
        {results.length > 0 && (
          <ul className="admin-results" aria-label="Upload results">
            {results.map((result, index) => (
              <li key={`${index}-${result.fileName}`} className={`upload-${result.kind}`}>
                <strong>{result.fileName}</strong>: {RESULT_WORDS[result.kind]}
                {result.kind === 'refused' ? (
                  <>
                    {' '}
                    — {result.message}
                    {result.problems.length > 0 && (
                      <ul>
                        {result.problems.map((problem, i) => (
                          <li key={i}>
                            {problem.path ? <code>{problem.path}</code> : null} {problem.message}
                          </li>
                        ))}
                      </ul>
                    )}
                  </>
                ) : (
                  <>
                    {' '}
                    — {result.packet.manifest.candidate.pseudonym} · {result.packet.manifest.credential.title}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <HubPacketList uploads={uploads} />
    </>
  );
}

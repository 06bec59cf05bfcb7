import type { ImportState } from './useImport';

/** Says how the last import went; a rejected packet lists every problem the validator found. */
export function ImportFeedback({ state, onDismiss }: { state: ImportState; onDismiss: () => void }) {
  if (state.phase === 'idle') return null;
  if (state.phase === 'importing') {
    return (
      <p role="status" className="notice">
        Importing {state.fileName} and checking every file…
      </p>
    );
  }
  if (state.phase === 'failed') {
    return (
      <section role="alert" className="problems" aria-labelledby="import-failed">
        <h2 id="import-failed">Could not import {state.fileName}</h2>
        <p>{state.message}</p>
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </section>
    );
  }
  const { outcome } = state;
  if (outcome.ok) {
    return (
      <p role="status" className="notice success">
        {outcome.alreadyImported ? 'Already in the library: ' : 'Imported '}
        {outcome.packet.credentialTitle} — {outcome.packet.pseudonym}, attempt {outcome.packet.attempt}
      </p>
    );
  }
  return (
    <section role="alert" className="problems" aria-labelledby="import-rejected">
      <h2 id="import-rejected">Packet rejected: {outcome.fileName}</h2>
      <p>
        Nothing was imported. The packet has {outcome.problems.length} problem{outcome.problems.length === 1 ? '' : 's'}
        :
      </p>
      <ul aria-label="Problems">
        {outcome.problems.map((problem, index) => (
          <li key={index}>
            <code>{problem.path}</code> {problem.message}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </section>
  );
}

import '../viewers.css';

/**
 * The two states every viewer shares. Tests and screen readers rely on them: a polite
 * role="status" while the file is on its way, and a role="alert" that names what failed —
 * never an empty pane.
 */
export function LoadingState({ what }: { what: string }) {
  return (
    <div className="av-state" role="status">
      <span className="av-spinner" aria-hidden="true" />
      <span>Loading {what}…</span>
    </div>
  );
}

export function ErrorState({ message }: { message: string }) {
  return (
    <div className="av-state">
      <div className="av-alert" role="alert">
        <svg className="av-alert__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <path d="M10 2 1 18h18L10 2Zm0 5v5m0 2.5v.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
        <p>{message}</p>
      </div>
    </div>
  );
}

import { Component, type ReactNode } from 'react';
import { describeError } from './describeError';
import { ErrorState } from './ViewerStatus';

interface Props {
  /** Used in the alert, e.g. "This PDF could not be shown". */
  what: string;
  children: ReactNode;
}

interface State {
  error: unknown;
  failed: boolean;
}

/** A bug in one viewer must leave a readable alert in the pane, not a blank one. */
export class ViewerErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined, failed: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, failed: true };
  }

  override render() {
    if (this.state.failed) {
      return <ErrorState message={`${this.props.what} could not be shown: ${describeError(this.state.error)}`} />;
    }
    return this.props.children;
  }
}

import type { NormingStatus } from '../../../shared/contract/norming';

/** A session's status in the participant's words. */
export const STATUS_LABEL: Record<NormingStatus, string> = {
  open: 'Open: score blind',
  revealed: 'Revealed',
  closed: 'Closed',
};

import type { EvidenceItem } from '../../shared/packet/manifest';

/** What every evidence viewer receives. `url` serves the file and honours HTTP Range requests (206). */
export interface ViewerProps {
  item: EvidenceItem;
  url: string;
}

// The dispatcher is the viewers' front door: it loads each viewer's code on demand (see
// EvidenceViewer). Passages are exported too, for texts that are not files (written responses).
export { EvidenceViewer } from './EvidenceViewer';
export type { ViewerHandle, ViewerMarker, ViewerPosition, ViewerProps } from './types';
export { preloadViewers } from './preload';
export { PassageText } from './text/PassageText';
export { usePassages } from './text/usePassages';

// Only the dispatcher is exported: it loads each viewer's code on demand (see EvidenceViewer).
export { EvidenceViewer } from './EvidenceViewer';
export type { ViewerHandle, ViewerMarker, ViewerPosition, ViewerProps } from './types';
export { preloadViewers } from './preload';

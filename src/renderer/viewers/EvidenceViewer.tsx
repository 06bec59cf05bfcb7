import './viewers.css';
import { lazy, Suspense, type ReactElement } from 'react';
import { ErrorState, LoadingState } from './common/ViewerStatus';
import { ViewerErrorBoundary } from './common/ViewerErrorBoundary';
import type { ViewerProps } from './types';

// pdf.js and video.js are large; load each viewer's code the first time that kind is opened so
// the library screen starts without parsing them.
const PdfViewer = lazy(() => import('./pdf/PdfViewer').then((m) => ({ default: m.PdfViewer })));
const VideoViewer = lazy(() => import('./video/VideoViewer').then((m) => ({ default: m.VideoViewer })));
const AudioViewer = lazy(() => import('./audio/AudioViewer').then((m) => ({ default: m.AudioViewer })));
const ImageViewer = lazy(() => import('./image/ImageViewer').then((m) => ({ default: m.ImageViewer })));
const TextViewer = lazy(() => import('./text/TextViewer').then((m) => ({ default: m.TextViewer })));
const TableViewer = lazy(() => import('./table/TableViewer').then((m) => ({ default: m.TableViewer })));

const NOUN: Record<ViewerProps['item']['kind'], { subject: string; loading: string }> = {
  pdf: { subject: 'This PDF', loading: 'PDF' },
  video: { subject: 'This video', loading: 'video' },
  audio: { subject: 'This audio recording', loading: 'audio' },
  image: { subject: 'This image', loading: 'image' },
  text: { subject: 'This text', loading: 'text' },
  table: { subject: 'This table', loading: 'table' },
};

/**
 * Shows one evidence item with the viewer for its kind. Anchoring props (handleRef, markers,
 * positions) pass straight through; see ViewerProps.
 */
export function EvidenceViewer(props: ViewerProps): ReactElement {
  const { item, url } = props;
  const noun = NOUN[item.kind] ?? { subject: 'This item', loading: 'evidence' };
  return (
    <div className="av-host">
      {/* Keyed by url as well as id: a different file must never inherit the last one's state. */}
      <ViewerErrorBoundary key={`${item.id}\u0000${url}`} what={noun.subject}>
        <Suspense fallback={<LoadingState what={noun.loading} />}>{viewerFor(props)}</Suspense>
      </ViewerErrorBoundary>
    </div>
  );
}

function viewerFor(props: ViewerProps): ReactElement {
  switch (props.item.kind) {
    case 'pdf':
      return <PdfViewer {...props} />;
    case 'video':
      return <VideoViewer {...props} />;
    case 'audio':
      return <AudioViewer {...props} />;
    case 'image':
      return <ImageViewer {...props} />;
    case 'text':
      return <TextViewer {...props} />;
    case 'table':
      return <TableViewer {...props} />;
    default: {
      // Manifests are validated, but a newer packet could still name a kind this build lacks.
      const kind: string = (props.item as { kind: string }).kind;
      return <ErrorState message={`This item could not be shown: Anchor has no viewer for "${kind}" evidence.`} />;
    }
  }
}

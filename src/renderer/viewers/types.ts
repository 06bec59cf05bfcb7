import type { Ref } from 'react';
import type { EvidenceAnchor } from '../../shared/domain/score';
import type { EvidenceItem } from '../../shared/packet/manifest';

/** Where the assessor is in an item: the PDF page, or the media time in seconds. Empty for other kinds. */
export interface ViewerPosition {
  page?: number;
  seconds?: number;
}

/**
 * An existing comment shown on the evidence: a box or pin on a PDF page, a tick or band on a media
 * timeline, a box on an image, a tinted cell or row, a tinted passage.
 */
export interface ViewerMarker {
  id: string;
  anchor: EvidenceAnchor;
  /** Accessible name of the marker's button, e.g. "Comment at 1:14: strong questioning". */
  label: string;
}

/**
 * What a viewer offers the review screen once it is ready (see ViewerProps.handleRef). Anchors for
 * another item than the one on screen are ignored by reveal().
 */
export interface ViewerHandle {
  /**
   * The anchor for "comment here". PDF: the current text selection (page, quote and the selection's
   * rect) or, failing that, the current page. Video/audio: the marked in–out range, else the current
   * time, to 0.1 s (playback is paused so the moment stays on screen). Image: the box being drawn,
   * else the whole item. Table: the selected cell or rows, else the whole item. Text (and written
   * responses): the selected passage, else the focused or first visible paragraph.
   */
  captureAnchor(): EvidenceAnchor;
  /**
   * Takes the viewer to an anchor. PDF: scrolls to the page and outlines the rect (or the page) for
   * about two seconds. Video/audio: pauses and seeks (a range to its start). Image: zooms to the
   * region and outlines it. Table: scrolls to the cell or rows and highlights them. Text: scrolls to
   * the passage and highlights it.
   */
  reveal(anchor: EvidenceAnchor): void;
  /** Current position for draft restore: { page } for PDF, { seconds } for media, {} otherwise. */
  position(): ViewerPosition;
  /** Media only: whether it is playing, so the screen can resume it after a comment (and count watching as work). */
  playing?(): boolean;
  /** Media only: plays on from where it is (after the comment that paused it is saved). */
  resume?(): void;
}

/** What every evidence viewer receives. `url` serves the file and honours HTTP Range requests (206). */
export interface ViewerProps {
  item: EvidenceItem;
  url: string;
  /** Receives the viewer's handle once it is ready (null before, after unmount, and when the file fails). */
  handleRef?: Ref<ViewerHandle | null>;
  /** Where to open: a PDF page or a media time. Applied once, when the document or media is ready. */
  initialPosition?: ViewerPosition;
  /** Called as the page or time changes, at most twice a second (the last change always arrives). */
  onPositionChange?(position: ViewerPosition): void;
  /** PDF or image: the assessor finished drawing a box ("Draw box" tool, B); PDF anchors have page and rect, image anchors a region. */
  onAnchorDrawn?(anchor: EvidenceAnchor): void;
  /** Existing comments to show. Markers anchored to other items, or of another kind, are skipped. */
  markers?: ViewerMarker[];
  /** A marker was clicked or pressed. Without this callback the viewer reveals the marker's anchor itself. */
  onMarkerActivate?(id: string): void;
}

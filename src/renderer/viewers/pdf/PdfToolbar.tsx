import { useId, type KeyboardEvent, type RefObject } from 'react';
import { Icon } from '../common/icons';
import { onToolbarKeyDown } from '../common/toolbarKeys';
import { CUSTOM_ZOOM, MAX_ZOOM, MIN_ZOOM, ZOOM_OPTIONS } from './zoom';

export interface PdfToolbarProps {
  ready: boolean;
  zoomValue: string;
  scale: number;
  onZoomStep(direction: 1 | -1): void;
  onZoomSelect(value: string): void;
  page: number;
  pageCount: number;
  pageDraft: string;
  onPageDraft(value: string): void;
  onPageCommit(): void;
  onPageStep(direction: 1 | -1): void;
  query: string;
  onQuery(value: string): void;
  onFindAgain(previous: boolean): void;
  findStatus: string;
  searchRef: RefObject<HTMLInputElement | null>;
  /** Box drawing for anchored comments; the button is left out when nobody listens for boxes. */
  drawing: boolean;
  onToggleDraw?(): void;
}

/** The PDF toolbar: zoom, page navigation, box drawing and find, left to right. Purely presentational. */
export function PdfToolbar(props: PdfToolbarProps) {
  const { ready, scale, page, pageCount, query } = props;
  const pageOfId = useId();
  const isCustomZoom = props.zoomValue === CUSTOM_ZOOM;

  function onPageKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      props.onPageCommit();
    }
  }

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      props.onFindAgain(event.shiftKey);
    }
  }

  return (
    <div className="av-toolbar" role="toolbar" aria-label="PDF tools" onKeyDown={onToolbarKeyDown}>
      <div className="av-toolbar__group">
        <button
          type="button"
          className="av-button av-button--icon"
          aria-label="Zoom out"
          title="Zoom out (−)"
          disabled={!ready || scale <= MIN_ZOOM + 0.001}
          onClick={() => props.onZoomStep(-1)}
        >
          <Icon name="zoom-out" />
        </button>
        <select
          className="av-select"
          aria-label="Zoom"
          disabled={!ready}
          value={props.zoomValue}
          onChange={(event) => props.onZoomSelect(event.target.value)}
        >
          {ZOOM_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
          {isCustomZoom && (
            <option value={CUSTOM_ZOOM} disabled>
              {Math.round(scale * 100)}%
            </option>
          )}
        </select>
        <button
          type="button"
          className="av-button av-button--icon"
          aria-label="Zoom in"
          title="Zoom in (+)"
          disabled={!ready || scale >= MAX_ZOOM - 0.001}
          onClick={() => props.onZoomStep(1)}
        >
          <Icon name="zoom-in" />
        </button>
      </div>

      <div className="av-toolbar__group">
        <button
          type="button"
          className="av-button av-button--icon"
          aria-label="Previous page"
          title="Previous page"
          disabled={!ready || page <= 1}
          onClick={() => props.onPageStep(-1)}
        >
          <Icon name="chevron-up" />
        </button>
        <input
          className="av-input av-input--page"
          type="number"
          inputMode="numeric"
          aria-label="Page number"
          aria-describedby={pageOfId}
          min={1}
          max={Math.max(1, pageCount)}
          disabled={!ready}
          value={props.pageDraft}
          onChange={(event) => props.onPageDraft(event.target.value)}
          onKeyDown={onPageKeyDown}
          onBlur={() => props.onPageDraft(String(page))}
          onFocus={(event) => event.target.select()}
        />
        <span id={pageOfId} className="av-toolbar__text">
          of {pageCount > 0 ? pageCount : '…'}
        </span>
        <button
          type="button"
          className="av-button av-button--icon"
          aria-label="Next page"
          title="Next page"
          disabled={!ready || page >= pageCount}
          onClick={() => props.onPageStep(1)}
        >
          <Icon name="chevron-down" />
        </button>
      </div>

      {props.onToggleDraw && (
        <div className="av-toolbar__group">
          <button
            type="button"
            className="av-button"
            aria-pressed={props.drawing}
            aria-keyshortcuts="B"
            title={props.drawing ? 'Drag over a page to draw a box (Esc cancels)' : 'Draw a box to comment on (B)'}
            disabled={!ready}
            onClick={props.onToggleDraw}
          >
            <Icon name="box" />
            <span>Draw box</span>
          </button>
        </div>
      )}

      <div className="av-toolbar__group av-toolbar__group--search">
        <input
          ref={props.searchRef}
          className="av-input av-input--search"
          type="search"
          aria-label="Search in document"
          placeholder="Search"
          title="Search in document (Ctrl+F)"
          autoComplete="off"
          spellCheck={false}
          disabled={!ready}
          value={query}
          onChange={(event) => props.onQuery(event.target.value)}
          onKeyDown={onSearchKeyDown}
        />
        <button
          type="button"
          className="av-button av-button--icon"
          aria-label="Previous match"
          title="Previous match (Shift+Enter)"
          disabled={!ready || !query.trim()}
          onClick={() => props.onFindAgain(true)}
        >
          <Icon name="arrow-left" />
        </button>
        <button
          type="button"
          className="av-button av-button--icon"
          aria-label="Next match"
          title="Next match (Enter)"
          disabled={!ready || !query.trim()}
          onClick={() => props.onFindAgain(false)}
        >
          <Icon name="arrow-right" />
        </button>
        <span className="av-toolbar__text av-find-status" role="status">
          {props.findStatus}
        </span>
      </div>
    </div>
  );
}

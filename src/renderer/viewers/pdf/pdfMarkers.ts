import type { PdfPageView } from './pdfEngine';
import { anchorRectToPercent, pinOffset, PIN_INSET, type Rect } from './pdfGeometry';

/** An existing comment on a page: outlined when it has a rect, pinned to the page's top-left when not. */
export interface PdfMark {
  id: string;
  page: number;
  rect?: Rect;
  label: string;
}

/** How long a revealed anchor stays outlined. */
export const FLASH_MS = 2000;

const BUBBLE =
  'M4 4.5h12a1.5 1.5 0 0 1 1.5 1.5v6.5a1.5 1.5 0 0 1-1.5 1.5H9l-3.5 3v-3H4a1.5 1.5 0 0 1-1.5-1.5V6A1.5 1.5 0 0 1 4 4.5Z';

function percentStyle(element: HTMLElement, rect: Rect, view: PdfPageView): void {
  const box = anchorRectToPercent(rect, view.viewport);
  element.style.left = `${box.left}%`;
  element.style.top = `${box.top}%`;
  element.style.width = `${box.width}%`;
  element.style.height = `${box.height}%`;
}

/**
 * Draws comment markers and the "revealed" outline into an overlay inside each page's `.page` div.
 * Percent positions follow zoom for free. pdf.js empties a page div whenever it resets the page
 * (see trimRenderedPages, zoom changes), so the overlay element is kept here and re-attached by
 * sync() — called for each 'pagerendered'/'textlayerrendered' and whenever the markers change.
 * Only pages that carry markers get an overlay; a 300-page document with no comments gets none.
 */
export class PdfMarkerLayer {
  #marks: PdfMark[] = [];
  #flash: { page: number; rect?: Rect } | null = null;
  #flashTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #overlays = new Map<number, HTMLDivElement>();

  constructor(
    private readonly pageView: (pageNumber: number) => PdfPageView | undefined,
    private readonly onActivate: (id: string) => void,
  ) {}

  setMarks(marks: PdfMark[]): void {
    const pages = new Set([...this.#overlays.keys(), ...marks.map((mark) => mark.page)]);
    this.#marks = marks;
    for (const page of pages) this.sync(page);
  }

  /** Every page with markers, e.g. once the page views exist. */
  syncAll(): void {
    const pages = new Set([...this.#overlays.keys(), ...this.#marks.map((mark) => mark.page)]);
    if (this.#flash) pages.add(this.#flash.page);
    for (const page of pages) this.sync(page);
  }

  /** Outlines `rect` (or the whole page) on `page` for FLASH_MS. */
  flash(page: number, rect: Rect | undefined): void {
    const previous = this.#flash?.page;
    clearTimeout(this.#flashTimer);
    this.#flash = rect ? { page, rect } : { page };
    if (previous !== undefined && previous !== page) this.sync(previous);
    // A new element restarts the CSS animation when the same anchor is revealed twice.
    this.#overlays.get(page)?.querySelector('.av-pdf-flash')?.remove();
    this.sync(page);
    this.#flashTimer = setTimeout(() => {
      this.#flash = null;
      this.sync(page);
    }, FLASH_MS);
  }

  sync(page: number): void {
    const view = this.pageView(page);
    const marks = this.#marks.filter((mark) => mark.page === page);
    const flash = this.#flash?.page === page ? this.#flash : null;
    let overlay = this.#overlays.get(page);
    if (!view || (marks.length === 0 && !flash)) {
      overlay?.remove();
      this.#overlays.delete(page);
      return;
    }
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.className = 'av-pdf-marks';
      this.#overlays.set(page, overlay);
    }
    if (overlay.parentNode !== view.div) view.div.append(overlay);

    // Reuse elements by id so a focused marker keeps focus when its page is redrawn in place.
    const existing = new Map<string, HTMLElement>();
    for (const element of overlay.querySelectorAll<HTMLElement>(':scope > [data-marker-id]'))
      existing.set(element.dataset.markerId ?? '', element);
    let pins = 0;
    for (const mark of marks) {
      let element = existing.get(mark.id);
      existing.delete(mark.id);
      if (!element) {
        element = this.#createMark(mark.id);
        overlay.append(element);
      }
      const button = element.querySelector('button');
      if (button) {
        button.setAttribute('aria-label', mark.label);
        button.title = mark.label;
      }
      element.classList.toggle('av-pdf-mark--box', Boolean(mark.rect));
      element.removeAttribute('style');
      if (mark.rect) percentStyle(element, mark.rect, view);
      else {
        element.style.left = `${pinOffset(pins++)}px`;
        element.style.top = `${PIN_INSET}px`;
      }
    }
    for (const stale of existing.values()) stale.remove();

    let outline = overlay.querySelector<HTMLElement>(':scope > .av-pdf-flash');
    if (!flash) outline?.remove();
    else {
      if (!outline) {
        outline = document.createElement('div');
        outline.className = 'av-pdf-flash';
        outline.setAttribute('aria-hidden', 'true');
        overlay.append(outline);
      }
      outline.classList.toggle('av-pdf-flash--page', !flash.rect);
      outline.removeAttribute('style');
      if (flash.rect) percentStyle(outline, flash.rect, view);
    }
  }

  destroy(): void {
    clearTimeout(this.#flashTimer);
    for (const overlay of this.#overlays.values()) overlay.remove();
    this.#overlays.clear();
  }

  #createMark(id: string): HTMLElement {
    const element = document.createElement('div');
    element.className = 'av-pdf-mark';
    element.dataset.markerId = id;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'av-pdf-pin';
    button.innerHTML = `<svg viewBox="0 0 20 20" aria-hidden="true" focusable="false"><path d="${BUBBLE}" /></svg>`;
    // Not a page interaction: keep pdf.js text selection and box drawing from starting here.
    button.addEventListener('pointerdown', (event) => event.stopPropagation());
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      this.onActivate(id);
    });
    element.append(button);
    return element;
  }
}

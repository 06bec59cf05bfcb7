import { StandardFonts, rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { toEncodable } from './winansi';

// Text flowing down US Letter pages, shared by Anchor's PDF reports (the candidate's feedback
// report, the norming calibration report).

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

export interface Run {
  text: string;
  font: PDFFont;
}

/** Helvetica in its three styles: standard fonts, so nothing is embedded but their metrics. */
export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  return {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  };
}

export function labelled(fonts: Fonts, label: string, text: string): Run[] {
  return [
    { text: label, font: fonts.bold },
    { text, font: fonts.regular },
  ];
}

export const PAGE_SIZE: [number, number] = [612, 792]; // US Letter, in points
export const MARGIN = 56;
const FOOTER_SIZE = 8;
const BODY_SIZE = 10.5;
const LEADING = 1.35;
export const INK = rgb(0.1, 0.1, 0.1);
export const MUTED = rgb(0.4, 0.4, 0.4);

/** Lays styled text out top to bottom, wrapping lines and starting new pages as needed. */
export class Flow {
  private page: PDFPage;
  private y: number;
  private readonly supported: ReadonlySet<number>;
  readonly width = PAGE_SIZE[0] - 2 * MARGIN;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.page = doc.addPage(PAGE_SIZE);
    this.y = PAGE_SIZE[1] - MARGIN;
    // The standard fonts share WinAnsi, so one character set serves all three.
    this.supported = new Set(fonts.regular.getCharacterSet());
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** Starts a new page unless `lines` body lines still fit, so a title is not left alone. */
  keepTogether(lines: number): void {
    if (this.y - lines * BODY_SIZE * LEADING < MARGIN + FOOTER_SIZE * 2) this.newPage();
  }

  heading(text: string): void {
    this.keepTogether(5);
    this.paragraph([{ text, font: this.fonts.bold }], { size: 14, gapBefore: 14 });
  }

  /**
   * Reserves `height` points (on a new page if they do not fit here) and lets `draw` paint them:
   * charts and tables that are not running text. `top` is the y of the block's upper edge.
   */
  block(height: number, draw: (page: PDFPage, left: number, top: number, width: number) => void): void {
    if (this.y - height < MARGIN + FOOTER_SIZE * 2) this.newPage();
    draw(this.page, MARGIN, this.y, this.width);
    this.y -= height;
  }

  /** Text made safe for the standard fonts (characters outside WinAnsi are replaced). */
  safe(text: string): string {
    return toEncodable(text, this.supported);
  }
  /** Wraps the runs to the text width (words single-spaced); line breaks in a run start new lines. */
  paragraph(runs: Run[], options: { size?: number; indent?: number; gapBefore?: number } = {}): void {
    const size = options.size ?? BODY_SIZE;
    const indent = options.indent ?? 0;
    if (options.gapBefore && this.y < PAGE_SIZE[1] - MARGIN) this.y -= options.gapBefore;
    for (const line of this.wrap(runs, size, this.width - indent)) {
      if (this.y - size * LEADING < MARGIN + FOOTER_SIZE * 2) this.newPage();
      this.y -= size * LEADING;
      let x = MARGIN + indent;
      for (const segment of line) {
        this.page.drawText(segment.text, { x, y: this.y, size, font: segment.font, color: INK });
        x += segment.font.widthOfTextAtSize(segment.text, size);
      }
    }
    this.y -= size * 0.4;
  }

  /** Page numbers and a running title at the foot of every page, drawn once the count is known. */
  footers(text: string): void {
    const pages = this.doc.getPages();
    pages.forEach((page, index) => {
      const line = this.fit(`${this.safe(text)} · page ${index + 1} of ${pages.length}`, FOOTER_SIZE);
      page.drawText(line, { x: MARGIN, y: MARGIN / 2, size: FOOTER_SIZE, font: this.fonts.regular, color: MUTED });
    });
  }

  private newPage(): void {
    this.page = this.doc.addPage(PAGE_SIZE);
    this.y = PAGE_SIZE[1] - MARGIN;
  }

  /** Shortens a single line with "…" so it fits the text width. */
  private fit(text: string, size: number): string {
    const font = this.fonts.regular;
    if (font.widthOfTextAtSize(text, size) <= this.width) return text;
    let cut = text;
    while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > this.width) cut = cut.slice(0, -1);
    return `${cut}…`;
  }

  /**
   * Greedy word wrap over styled runs. Returns lines of segments, where consecutive words in the
   * same font are merged into one segment so the PDF's text extracts (and copies) as phrases.
   */
  private wrap(runs: Run[], size: number, maxWidth: number): Run[][] {
    const lines: Run[][] = [];
    let line: Run[] = [];
    let lineWidth = 0;
    const flush = () => {
      lines.push(line);
      line = [];
      lineWidth = 0;
    };
    const place = (word: string, font: PDFFont) => {
      const space = line.length > 0 ? ' ' : '';
      const width = font.widthOfTextAtSize(space + word, size);
      if (line.length > 0 && lineWidth + width > maxWidth) {
        flush();
        return place(word, font);
      }
      const last = line[line.length - 1];
      if (last && last.font === font) last.text += space + word;
      else line.push({ text: space + word, font });
      lineWidth += width;
    };
    for (const run of runs) {
      const paragraphs = run.text.split(/\r\n|\r|\n/);
      paragraphs.forEach((paragraph, index) => {
        if (index > 0) flush();
        for (const word of this.safe(paragraph).split(' ').filter(Boolean)) {
          for (const piece of this.breakLongWord(word, run.font, size, maxWidth)) place(piece, run.font);
        }
      });
    }
    if (line.length > 0 || lines.length === 0) flush();
    return lines;
  }

  /** Splits a word wider than the line (a long URL, say) into pieces that fit. */
  private breakLongWord(word: string, font: PDFFont, size: number, maxWidth: number): string[] {
    if (font.widthOfTextAtSize(word, size) <= maxWidth) return [word];
    const pieces: string[] = [];
    let piece = '';
    for (const char of word) {
      if (piece && font.widthOfTextAtSize(piece + char, size) > maxWidth) {
        pieces.push(piece);
        piece = '';
      }
      piece += char;
    }
    if (piece) pieces.push(piece);
    return pieces;
  }
}

import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFImage, type PDFPage, type RGB } from 'pdf-lib';

/** US Letter, the paper size of the teacher-education programs the demo set imitates. */
export const PAGE_WIDTH = 612;
export const PAGE_HEIGHT = 792;
export const MARGIN = 60;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const TOP = PAGE_HEIGHT - MARGIN - 14; // leaves room for the running header
const BOTTOM = MARGIN + 16; // leaves room for the page footer

export const INK = rgb(0.13, 0.13, 0.15);
export const MUTED = rgb(0.4, 0.4, 0.45);
export const ACCENT = rgb(0.06, 0.37, 0.39);
export const RULE = rgb(0.8, 0.8, 0.82);
const TABLE_HEAD = rgb(0.9, 0.93, 0.93);

/** A fixed date so regenerated PDFs are byte-identical (and their sha256 stable). */
export const FIXED_DATE = new Date('2026-09-01T12:00:00Z');

export interface DocMeta {
  /** Document title, also shown in the running header and the page footer. */
  title: string;
  /** The candidate's pseudonym, as a blind-review program would stamp it. */
  candidate: string;
  /** Credential title, shown in the running header. */
  credential: string;
}

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

export interface TextStyle {
  font?: PDFFont;
  size?: number;
  color?: RGB;
  indent?: number;
  /** Space after the block, in points. */
  after?: number;
}

export interface TableColumn {
  title: string;
  /** Fraction of the content width. */
  width: number;
}

/** Breaks text into lines no wider than maxWidth (words longer than a line are split). */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (font.widthOfTextAtSize(line, size) > maxWidth && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > maxWidth) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Flowing-document writer over pdf-lib: headings, paragraphs, lists and tables that break across
 * pages, with a running header and "page n of N" footers stamped when the document is saved.
 * Text is drawn with the standard Helvetica fonts so it stays extractable and searchable.
 */
export class DocWriter {
  private page: PDFPage;
  private cursor = TOP;

  private constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    private readonly meta: DocMeta,
  ) {
    this.page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  }

  static async create(meta: DocMeta): Promise<DocWriter> {
    // updateMetadata: false keeps pdf-lib from stamping the current time into the file.
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.setTitle(meta.title);
    doc.setAuthor(meta.candidate);
    doc.setSubject(meta.credential);
    doc.setCreator('Anchor demo set');
    doc.setProducer('pdf-lib');
    doc.setCreationDate(FIXED_DATE);
    doc.setModificationDate(FIXED_DATE);
    const fonts: Fonts = {
      regular: await doc.embedFont(StandardFonts.Helvetica),
      bold: await doc.embedFont(StandardFonts.HelveticaBold),
      italic: await doc.embedFont(StandardFonts.HelveticaOblique),
    };
    return new DocWriter(doc, fonts, meta);
  }

  /** The page being written and the y coordinate (from the bottom) of the next line's top. */
  get current(): { page: PDFPage; y: number } {
    return { page: this.page, y: this.cursor };
  }

  /** Moves the cursor down after the caller drew something itself. */
  advance(height: number): void {
    this.cursor -= height;
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.cursor = TOP;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.cursor - height < BOTTOM) this.newPage();
  }

  /** The document's title block: title, subtitle and key facts as label/value rows. */
  titleBlock(title: string, subtitle: string, facts: [string, string][]): void {
    this.text(title, { font: this.fonts.bold, size: 18, color: ACCENT, after: 2 });
    this.text(subtitle, { size: 11, color: MUTED, after: 8 });
    const labelWidth = 120;
    for (const [label, value] of facts) {
      const lines = wrapText(value, this.fonts.regular, 10, CONTENT_WIDTH - labelWidth);
      this.ensureSpace(lines.length * 13);
      this.page.drawText(label, { x: MARGIN, y: this.cursor - 10, size: 10, font: this.fonts.bold, color: INK });
      lines.forEach((line, i) => {
        this.page.drawText(line, {
          x: MARGIN + labelWidth,
          y: this.cursor - 10 - i * 13,
          size: 10,
          font: this.fonts.regular,
          color: INK,
        });
      });
      this.cursor -= lines.length * 13 + 2;
    }
    this.cursor -= 6;
    this.rule();
  }

  /** A heading kept on the same page as the next `keepWithNext` points of content. */
  heading(text: string, level: 1 | 2 = 1, keepWithNext = 44): void {
    const size = level === 1 ? 13 : 11;
    this.ensureSpace(size + 12 + keepWithNext);
    this.cursor -= level === 1 ? 8 : 4;
    this.text(text, { font: this.fonts.bold, size, color: level === 1 ? ACCENT : INK, after: 4 });
  }

  /** A headed section: paragraphs, then an optional bullet list. */
  section(section: { heading: string; paragraphs?: readonly string[]; bullets?: readonly string[] }): void {
    this.heading(section.heading);
    for (const p of section.paragraphs ?? []) this.paragraph(p);
    if (section.bullets) this.bullets(section.bullets);
  }

  paragraph(text: string, style: TextStyle = {}): void {
    this.text(text, { after: 8, ...style });
  }

  /** Wrapped text at the cursor; breaks across pages line by line. */
  text(text: string, style: TextStyle = {}): void {
    const font = style.font ?? this.fonts.regular;
    const size = style.size ?? 10.5;
    const indent = style.indent ?? 0;
    const leading = size * 1.38;
    for (const line of wrapText(text, font, size, CONTENT_WIDTH - indent)) {
      this.ensureSpace(leading);
      this.page.drawText(line, {
        x: MARGIN + indent,
        y: this.cursor - size,
        size,
        font,
        color: style.color ?? INK,
      });
      this.cursor -= leading;
    }
    this.cursor -= style.after ?? 0;
  }

  bullets(items: readonly string[], style: TextStyle = {}): void {
    const size = style.size ?? 10.5;
    for (const item of items) {
      this.ensureSpace(size * 1.4);
      this.page.drawText('\u2022', {
        x: MARGIN + 6,
        y: this.cursor - size,
        size,
        font: this.fonts.regular,
        color: INK,
      });
      this.text(item, { ...style, size, indent: 18, after: 3 });
    }
    this.cursor -= 5;
  }

  rule(): void {
    this.ensureSpace(8);
    this.page.drawLine({
      start: { x: MARGIN, y: this.cursor },
      end: { x: PAGE_WIDTH - MARGIN, y: this.cursor },
      thickness: 0.6,
      color: RULE,
    });
    this.cursor -= 10;
  }

  /** A ruled table whose cells wrap; rows never split, and the header repeats on a new page. */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[], size = 9): void {
    const pad = 4;
    const leading = size * 1.3;
    const widths = columns.map((c) => c.width * CONTENT_WIDTH);
    const layout = (cells: readonly string[], font: PDFFont): string[][] =>
      cells.map((cell, i) => wrapText(cell, font, size, (widths[i] ?? 0) - 2 * pad));
    const heightOf = (cells: string[][]): number => Math.max(...cells.map((c) => c.length)) * leading + 2 * pad;
    const drawRow = (cells: string[][], font: PDFFont, shade: boolean): void => {
      const height = heightOf(cells);
      if (shade) {
        this.page.drawRectangle({
          x: MARGIN,
          y: this.cursor - height,
          width: CONTENT_WIDTH,
          height,
          color: TABLE_HEAD,
        });
      }
      let x = MARGIN;
      cells.forEach((lines, i) => {
        lines.forEach((line, j) => {
          this.page.drawText(line, { x: x + pad, y: this.cursor - pad - size - j * leading, size, font, color: INK });
        });
        x += widths[i] ?? 0;
      });
      this.cursor -= height;
      this.page.drawLine({
        start: { x: MARGIN, y: this.cursor },
        end: { x: MARGIN + CONTENT_WIDTH, y: this.cursor },
        thickness: 0.5,
        color: RULE,
      });
    };
    const header = layout(
      columns.map((c) => c.title),
      this.fonts.bold,
    );
    const body = rows.map((row) => layout(row, this.fonts.regular));
    // Never leave the header alone at the foot of a page.
    this.ensureSpace(heightOf(header) + (body[0] ? heightOf(body[0]) : 0));
    drawRow(header, this.fonts.bold, true);
    for (const cells of body) {
      if (this.cursor - heightOf(cells) < BOTTOM) {
        this.newPage();
        drawRow(header, this.fonts.bold, true);
      }
      drawRow(cells, this.fonts.regular, false);
    }
    this.cursor -= 10;
  }

  /** Draws an image scaled to fit, left-aligned at the cursor; returns where it landed. */
  image(image: PDFImage, maxWidth: number, maxHeight: number, x = MARGIN): Placement {
    const scale = Math.min(maxWidth / image.width, maxHeight / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    this.ensureSpace(height);
    const placement: Placement = { page: this.page, x, y: this.cursor - height, width, height, scale };
    this.page.drawImage(image, { x, y: placement.y, width, height });
    this.page.drawRectangle({ x, y: placement.y, width, height, borderColor: RULE, borderWidth: 0.5 });
    return placement;
  }

  /** Stamps headers and footers on every page, then serialises the document. */
  async save(): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    const small = 8;
    pages.forEach((page, index) => {
      const header = `${this.meta.credential}  \u00b7  ${this.meta.candidate}`;
      page.drawText(header, {
        x: MARGIN,
        y: PAGE_HEIGHT - MARGIN + 8,
        size: small,
        font: this.fonts.regular,
        color: MUTED,
      });
      page.drawLine({
        start: { x: MARGIN, y: PAGE_HEIGHT - MARGIN + 3 },
        end: { x: PAGE_WIDTH - MARGIN, y: PAGE_HEIGHT - MARGIN + 3 },
        thickness: 0.5,
        color: RULE,
      });
      const footer = `${this.meta.title}  \u00b7  Page ${index + 1} of ${pages.length}`;
      const width = this.fonts.regular.widthOfTextAtSize(footer, small);
      page.drawText(footer, {
        x: (PAGE_WIDTH - width) / 2,
        y: MARGIN - 24,
        size: small,
        font: this.fonts.regular,
        color: MUTED,
      });
    });
    return this.doc.save();
  }
}

/** Where an image was drawn: PDF user space (origin bottom-left) plus the scale from pixels. */
export interface Placement {
  page: PDFPage;
  x: number;
  y: number;
  width: number;
  height: number;
  scale: number;
}

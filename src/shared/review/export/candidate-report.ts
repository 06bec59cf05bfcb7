// The only module that imports pdf-lib: it is platform-neutral (no Node, no DOM), but keeping it
// here means the rest of src/shared stays free of it.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ConditionCode, Decision } from '../../domain/decision';
import { describeRule } from '../decision-rules';
import { compareAnchors } from '../anchors';
import { anchorLabel } from './anchor-label';
import { resolveReview, type ExportInput, type ResolvedReview } from './resolve';
import { toEncodable } from './winansi';

const CONDITION_WORDS: Record<ConditionCode, string> = {
  'missing-evidence': 'Missing evidence',
  'wrong-credential': 'Submitted for a different credential',
  'file-unreadable': 'A file could not be opened',
  'integrity-concern': 'Integrity concern',
  other: 'Other reason',
};

/** The decision as a candidate reads it: "Earned", "Not yet", "Unscorable — <condition>: <why>". */
export function candidateDecisionWords(decision: Decision): string {
  switch (decision.kind) {
    case 'earned':
      return 'Earned';
    case 'not-yet':
      return 'Not yet';
    case 'unscorable':
      return `Unscorable — ${CONDITION_WORDS[decision.conditionCode]}: ${decision.explanation}`;
  }
}

/**
 * The feedback report a candidate receives, as PDF bytes: credential, pseudonym, attempt, decision,
 * each criterion's level, descriptor and feedback, overall feedback and the evidence-anchored
 * comments. Built only from candidate-safe fields: never private notes, rationales, the decision
 * justification or who the assessor was.
 */
export async function candidateReportPdf(input: ExportInput): Promise<Uint8Array> {
  const review = resolveReview(input);
  const { manifest, record } = review;
  const doc = await PDFDocument.create();
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  };
  doc.setTitle(`${manifest.credential.title} — feedback report`); // metadata strings are UTF-16, so any character is fine here
  doc.setCreator('Anchor');
  doc.setProducer('Anchor');

  const out = new Flow(doc, fonts);
  out.paragraph([{ text: manifest.credential.title, font: fonts.bold }], { size: 18 });
  out.paragraph([{ text: manifest.credential.competency, font: fonts.regular }], { size: 11 });
  if (manifest.credential.stack) {
    out.paragraph([{ text: `Part of the ${manifest.credential.stack.title} stack`, font: fonts.italic }]);
  }
  out.gap(8);
  out.paragraph(labelled(fonts, 'Candidate: ', manifest.candidate.pseudonym));
  out.paragraph(labelled(fonts, 'Attempt: ', String(manifest.attempt.number)));
  out.gap(8);
  out.paragraph(labelled(fonts, 'Decision: ', candidateDecisionWords(record.decision)), { size: 13 });
  if (record.decision.kind === 'unscorable') {
    out.paragraph([
      {
        text: 'Your packet could not be scored, so it has no levels. This is not a judgement of your teaching.',
        font: fonts.regular,
      },
    ]);
  } else {
    out.paragraph(labelled(fonts, 'How the decision is made: ', `${describeRule(review.rubric)}.`));
    writeCriteria(out, fonts, review);
  }
  if (record.candidateFeedback.overall.trim()) {
    out.heading('Overall feedback');
    out.paragraph([{ text: record.candidateFeedback.overall, font: fonts.regular }]);
  }
  writeComments(out, fonts, review);
  out.footers(`${manifest.credential.title} — feedback for ${manifest.candidate.pseudonym}`);
  return doc.save();
}

function writeCriteria(out: Flow, fonts: Fonts, review: ResolvedReview): void {
  if (review.criteria.length === 0) return;
  out.heading('Criteria');
  for (const { criterion, level, feedback } of review.criteria) {
    out.keepTogether(4);
    out.paragraph([{ text: criterion.title, font: fonts.bold }], { size: 12, gapBefore: 6 });
    out.paragraph(labelled(fonts, 'Level reached: ', `${level.label} (score ${level.score})`));
    out.paragraph([{ text: level.descriptor, font: fonts.italic }], { indent: 12 });
    if (feedback.trim()) out.paragraph(labelled(fonts, 'Feedback: ', feedback));
  }
}

function writeComments(out: Flow, fonts: Fonts, review: ResolvedReview): void {
  const { manifest, record } = review;
  if (record.comments.length === 0) return;
  out.heading('Comments on your evidence');
  // In packet order (responses, then evidence), then by place inside each, so the list reads alongside the packet.
  const byAnchor = compareAnchors(manifest);
  const comments = [...record.comments].sort((a, b) => byAnchor(a.anchor, b.anchor));
  for (const comment of comments) {
    const criterion = review.rubric.criteria.find((c) => c.id === comment.criterionId);
    const where = anchorLabel(comment.anchor, manifest) + (criterion ? ` (${criterion.title})` : '');
    out.paragraph(labelled(fonts, `${where}: `, comment.text), { gapBefore: 4 });
  }
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

interface Run {
  text: string;
  font: PDFFont;
}

function labelled(fonts: Fonts, label: string, text: string): Run[] {
  return [
    { text: label, font: fonts.bold },
    { text, font: fonts.regular },
  ];
}

const PAGE_SIZE: [number, number] = [612, 792]; // US Letter, in points
const MARGIN = 56;
const FOOTER_SIZE = 8;
const BODY_SIZE = 10.5;
const LEADING = 1.35;
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.4, 0.4, 0.4);

/** Lays styled text out top to bottom, wrapping lines and starting new pages as needed. */
class Flow {
  private page: PDFPage;
  private y: number;
  private readonly supported: ReadonlySet<number>;
  private readonly width = PAGE_SIZE[0] - 2 * MARGIN;

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

  private safe(text: string): string {
    return toEncodable(text, this.supported);
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

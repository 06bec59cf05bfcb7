import { rgb, type PDFPage, type RGB } from 'pdf-lib';
import type { ClassSetting, StudentWorkSpec, WorkSampleSpec } from '../spec';
import { DocWriter, INK, MARGIN, PAGE_WIDTH, wrapText, type DocMeta, type Placement } from './layout';

const TONE_COLORS = {
  strength: rgb(0.12, 0.55, 0.3),
  concern: rgb(0.85, 0.25, 0.15),
} as const;

const IMAGE_WIDTH = 300;
const IMAGE_MAX_HEIGHT = 400;
const NOTES_X = MARGIN + IMAGE_WIDTH + 16;
const NOTES_WIDTH = PAGE_WIDTH - MARGIN - NOTES_X;

/**
 * Annotated student work: a cover page that explains the task and the selection, then one page
 * per sample with the scanned work, numbered annotation boxes drawn over it, and the notes.
 */
export async function studentWorkPdf(
  meta: DocMeta,
  setting: ClassSetting,
  spec: StudentWorkSpec,
  readMedia: (file: string) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const w = await DocWriter.create(meta);
  w.titleBlock(spec.title, `${setting.subject} \u00b7 ${setting.grade} \u00b7 ${setting.classLabel}`, [
    ['Task', spec.task],
    ['Samples', spec.samples.map((s) => s.student).join(', ')],
    ['Dates', setting.dates],
  ]);
  for (const p of spec.intro) w.paragraph(p);
  w.heading('Samples in this document');
  w.table(
    [
      { title: 'Student', width: 0.12 },
      { title: 'Response group', width: 0.28 },
      { title: 'Why this sample', width: 0.6 },
    ],
    spec.samples.map((s) => [s.student, s.group, s.whyChosen]),
  );
  w.paragraph(
    'Annotation key: green boxes mark evidence of the success criteria; red boxes mark an error or a ' +
      'gap in reasoning. Numbers match the notes beside each sample.',
    { font: w.fonts.italic, size: 9.5 },
  );

  for (const [index, sample] of spec.samples.entries()) {
    w.newPage();
    w.heading(`Sample ${index + 1} of ${spec.samples.length}: ${sample.student} (${sample.group})`);
    const image = sample.image.endsWith('.png')
      ? await w.doc.embedPng(await readMedia(sample.image))
      : await w.doc.embedJpg(await readMedia(sample.image));
    const placement = w.image(image, IMAGE_WIDTH, IMAGE_MAX_HEIGHT);
    drawAnnotations(w, placement, sample);
    w.advance(placement.height + 14);
    w.heading('Teacher commentary', 2);
    w.paragraph(sample.commentary);
  }
  return w.save();
}

function drawAnnotations(w: DocWriter, at: Placement, sample: WorkSampleSpec): void {
  const { page } = at;
  let notesY = at.y + at.height;
  page.drawText('Annotations', { x: NOTES_X, y: notesY - 10, size: 10.5, font: w.fonts.bold, color: INK });
  notesY -= 26;
  sample.annotations.forEach((annotation, i) => {
    const color = TONE_COLORS[annotation.tone];
    const { rect } = annotation;
    // Pixel rectangles have their origin top-left; PDF space has it bottom-left.
    const x = at.x + rect.x * at.scale;
    const y = at.y + at.height - (rect.y + rect.height) * at.scale;
    page.drawRectangle({
      x,
      y,
      width: rect.width * at.scale,
      height: rect.height * at.scale,
      borderColor: color,
      borderWidth: 1.4,
      color,
      opacity: 0.08,
      borderOpacity: 0.9,
    });
    badge(w, page, x - 4, y + rect.height * at.scale - 4, i + 1, color);

    badge(w, page, NOTES_X + 6, notesY + 2, i + 1, color);
    const lines = wrapText(annotation.note, w.fonts.regular, 9, NOTES_WIDTH - 18);
    lines.forEach((line, j) => {
      page.drawText(line, { x: NOTES_X + 16, y: notesY - j * 11.5 - 1, size: 9, font: w.fonts.regular, color: INK });
    });
    notesY -= lines.length * 11.5 + 9;
  });
}

/** A numbered disc, centred on (cx, cy). */
function badge(w: DocWriter, page: PDFPage, cx: number, cy: number, n: number, color: RGB): void {
  page.drawCircle({ x: cx, y: cy, size: 6.5, color });
  const label = String(n);
  const width = w.fonts.bold.widthOfTextAtSize(label, 8);
  page.drawText(label, { x: cx - width / 2, y: cy - 2.8, size: 8, font: w.fonts.bold, color: rgb(1, 1, 1) });
}

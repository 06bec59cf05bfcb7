import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { FIXED_DATE, PAGE_HEIGHT, PAGE_WIDTH } from './pdf/layout';
import { demoMediaDir, findResourcesDir } from './resources';

/** Scanned pages that the large PDF cycles through; embedded once, drawn on every page. */
const SCANS = ['g7-exit-ticket-s04.jpg', 'g10-paragraph-s05.jpg', 'g5-food-web-s07.jpg', 'g2-place-value-s02.jpg'];

/**
 * Writes an image-heavy PDF for benchmarks: every page carries a full-page raster scan plus
 * extractable text ("Page 17 of 300"). Reusing a few embedded images keeps generation fast
 * while the viewer still has to decode and paint an image on every page.
 */
export async function writeLargePdf(
  file: string,
  pages = 300,
  resourcesDir: string = findResourcesDir(),
): Promise<void> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(`Scanned student work portfolio (${pages} pages)`);
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const images = await Promise.all(
    SCANS.map(async (name) => doc.embedJpg(await readFile(join(demoMediaDir(resourcesDir), name)))),
  );
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    const image = images[(n - 1) % images.length];
    if (!image) throw new Error('no scans to embed');
    const scale = Math.min(492 / image.width, 640 / image.height);
    page.drawImage(image, {
      x: (PAGE_WIDTH - image.width * scale) / 2,
      y: 90,
      width: image.width * scale,
      height: image.height * scale,
    });
    page.drawText('Scanned student work portfolio', { x: 60, y: 750, size: 12, font: bold, color: rgb(0.1, 0.1, 0.1) });
    page.drawText(`Page ${n} of ${pages}`, { x: 60, y: 56, size: 10, font, color: rgb(0.3, 0.3, 0.3) });
    page.drawText(`Work sample ${String(n).padStart(3, '0')}, scanned at 150 dpi`, {
      x: 330,
      y: 56,
      size: 10,
      font,
      color: rgb(0.3, 0.3, 0.3),
    });
  }
  await writeFile(file, await doc.save());
}

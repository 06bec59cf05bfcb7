import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { CriterionResult, NormingReport } from '../contract/norming';
import { Flow, INK, MUTED, embedFonts, labelled, type Fonts } from '../review/export/pdf-flow';
import { ALPHA_FLAG } from './session-report';

// The calibration report a facilitator files after a session: per assessor their agreement with
// the masters and qualification, per criterion the agreement among assessors with the
// distribution of levels on each anchor drawn as bars, criteria below α 0.667 flagged.

const BAR = rgb(0.55, 0.65, 0.8);
const MASTER = rgb(0.12, 0.3, 0.55);
const RULE = rgb(0.8, 0.8, 0.8);

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(0)} %`);
const num = (x: number | null, digits = 2) => (x === null ? '—' : x.toFixed(digits));

export async function normingReportPdf(report: NormingReport): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  const { session } = report;
  doc.setTitle(`Calibration report — ${session.title}`);
  doc.setCreator('Anchor');
  doc.setProducer('Anchor');
  const out = new Flow(doc, fonts);
  out.paragraph([{ text: `Calibration report: ${session.title}`, font: fonts.bold }], { size: 18 });
  out.paragraph(labelled(fonts, 'Credential: ', session.credentialId));
  out.paragraph(
    labelled(
      fonts,
      'Session: ',
      `${session.mode}, ${session.status}; ${session.anchorCount} anchor packets, ${session.participantCount} participants; ` +
        `created ${session.createdAt.slice(0, 10)}${session.revealedAt ? `, revealed ${session.revealedAt.slice(0, 10)}` : ''}` +
        `${session.closedAt ? `, closed ${session.closedAt.slice(0, 10)}` : ''}`,
    ),
  );
  const t = report.thresholds;
  out.paragraph(
    labelled(
      fonts,
      'Qualification: ',
      `at least ${pct(t.minExact)} exact and ${pct(t.minAdjacent)} adjacent agreement with the masters` +
        `${t.unscorableFails ? ', no Unscorable on a scorable anchor' : ''}; valid ${t.validDays} days.`,
    ),
  );
  if (report.lateScores > 0) {
    out.paragraph(
      labelled(fonts, 'Late: ', `${report.lateScores} score(s) arrived after the reveal and are left out.`),
    );
  }
  out.paragraph([{ text: `Generated ${report.generatedAt.replace('T', ' ').slice(0, 16)} UTC.`, font: fonts.italic }]);

  out.heading('Assessors against the masters');
  assessorTable(out, fonts, report);

  const flagged = report.criteria.filter((c) => c.flagged);
  out.heading('Criteria');
  out.paragraph([
    {
      text:
        flagged.length > 0
          ? `${flagged.length} criterion(s) below Krippendorff's alpha ${ALPHA_FLAG}: candidates for rubric revision (${flagged.map((c) => c.title).join(', ')}).`
          : `Every criterion reaches Krippendorff's alpha ${ALPHA_FLAG} or has too little variation to say.`,
      font: fonts.regular,
    },
  ]);
  for (const criterion of report.criteria) criterionSection(out, fonts, criterion);
  out.footers(`Calibration report · ${session.title}`);
  return doc.save();
}

function assessorTable(out: Flow, fonts: Fonts, report: NormingReport): void {
  const columns = [
    { title: 'Assessor', width: 0.24 },
    { title: 'Compared', width: 0.09 },
    { title: 'Exact', width: 0.1 },
    { title: 'Adjacent', width: 0.11 },
    { title: 'QWK', width: 0.09 },
    { title: 'Severity', width: 0.11 },
    { title: 'Qualified', width: 0.26 },
  ];
  const rowHeight = 14;
  const row = (cells: string[], font: PDFFont) =>
    out.block(rowHeight, (page, left, top, width) => {
      let x = left;
      cells.forEach((cell, i) => {
        const w = columns[i]!.width * width;
        page.drawText(fit(out.safe(cell), font, 9, w - 4), { x, y: top - 10, size: 9, font, color: INK });
        x += w;
      });
      page.drawLine({
        start: { x: left, y: top - rowHeight + 1 },
        end: { x: left + width, y: top - rowHeight + 1 },
        thickness: 0.4,
        color: RULE,
      });
    });
  row(
    columns.map((c) => c.title),
    fonts.bold,
  );
  for (const a of report.assessors) {
    row(
      [
        a.username,
        String(a.compared),
        pct(a.exact),
        pct(a.adjacent),
        num(a.quadraticWeightedKappa),
        a.meanSignedDifference === null
          ? '—'
          : `${a.meanSignedDifference > 0 ? '+' : ''}${a.meanSignedDifference.toFixed(2)}`,
        a.qualified ? 'Yes' : `No: ${a.shortfalls.join('; ')}`,
      ],
      fonts.regular,
    );
  }
  out.gap(4);
  out.paragraph(
    [{ text: 'Severity: mean level above (+, lenient) or below (−, severe) the master.', font: fonts.italic }],
    { size: 8.5 },
  );
}

function criterionSection(out: Flow, fonts: Fonts, c: CriterionResult): void {
  out.heading(c.flagged ? `${c.title} (candidate for rubric revision)` : c.title);
  out.paragraph(
    labelled(
      fonts,
      'Agreement: ',
      `exact ${pct(c.exactAgreement)}, adjacent ${pct(c.adjacentAgreement)} (all assessors, anchors every one scored); ` +
        `Gwet's AC1 ${num(c.gwetAC1)}, Fleiss' kappa ${num(c.fleissKappa)}, Krippendorff's alpha (ordinal) ${num(c.krippendorffAlphaOrdinal)}.`,
    ),
  );
  for (const anchor of c.anchors) {
    out.block(78, (page, left, top, width) => drawDistribution(page, fonts, out, c, anchor, left, top, width));
  }
  if (c.consensus) {
    out.paragraph(labelled(fonts, 'Consensus: ', c.consensus.rationale), { gapBefore: 2 });
    if (c.consensus.notes) out.paragraph(labelled(fonts, 'Discussion notes: ', c.consensus.notes));
  }
}

/** One anchor's levels as vertical bars with counts; the master's bar is dark and marked. */
function drawDistribution(
  page: PDFPage,
  fonts: Fonts,
  out: Flow,
  c: CriterionResult,
  anchor: CriterionResult['anchors'][number],
  left: number,
  top: number,
  width: number,
): void {
  const labelWidth = 110;
  const chartHeight = 44;
  const base = top - 14 - chartHeight;
  page.drawText(fit(out.safe(anchor.pseudonym), fonts.bold, 9, labelWidth - 6), {
    x: left,
    y: top - 12,
    size: 9,
    font: fonts.bold,
    color: INK,
  });
  const total = Object.values(anchor.counts).reduce((s, n) => s + n, 0);
  page.drawText(`${total} score${total === 1 ? '' : 's'}`, {
    x: left,
    y: top - 24,
    size: 8,
    font: fonts.regular,
    color: MUTED,
  });
  const max = Math.max(1, ...Object.values(anchor.counts));
  const slot = (width - labelWidth) / c.levels.length;
  const barWidth = Math.min(48, slot * 0.6);
  c.levels.forEach((level, i) => {
    const count = anchor.counts[level.id] ?? 0;
    const isMaster = level.id === anchor.masterLevelId;
    const x = left + labelWidth + i * slot + (slot - barWidth) / 2;
    const height = (count / max) * chartHeight;
    if (height > 0) page.drawRectangle({ x, y: base, width: barWidth, height, color: isMaster ? MASTER : BAR });
    page.drawText(String(count), {
      x: x + barWidth / 2 - 3,
      y: base + height + 2,
      size: 8,
      font: fonts.regular,
      color: INK,
    });
    const label = fit(
      out.safe(level.label + (isMaster ? ' (master)' : '')),
      isMaster ? fonts.bold : fonts.regular,
      7.5,
      slot - 2,
    );
    page.drawText(label, {
      x: left + labelWidth + i * slot + 1,
      y: base - 10,
      size: 7.5,
      font: isMaster ? fonts.bold : fonts.regular,
      color: INK,
    });
  });
  page.drawLine({
    start: { x: left + labelWidth, y: base },
    end: { x: left + width, y: base },
    thickness: 0.5,
    color: MUTED,
  });
}

/** Shortens text with "…" to fit a width. */
function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

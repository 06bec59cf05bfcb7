import { readFile } from 'node:fs/promises';

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/packets';
import { axeViolations } from './support/axe';
import { AnchorSession } from './support/browser';
import { buildDemo, type DemoPacket } from './support/demo';

let dir: string;
let demo: DemoPacket[];
let session: AnchorSession;
const page = (): Page => session.page;

const PRIVATE_NOTE = 'PRIVATE-NOTE-compare with anchor packet 3';
const byPseudonym = (name: string) => demo.find((p) => p.manifest.candidate.pseudonym === name)!;

/** Opens a packet from the queue the way a user does. */
async function openPacket(pseudonym: string): Promise<void> {
  await page().goto(`${session.host.origin}/#/`);
  await page().getByRole('searchbox', { name: 'Filter packets' }).fill(pseudonym);
  await page()
    .getByRole('row', { name: new RegExp(pseudonym) })
    .getByRole('link')
    .click();
  await page().getByRole('region', { name: 'Rubric and scoring' }).waitFor();
}

/** Opens an evidence item in the navigator. */
async function showEvidence(title: string): Promise<void> {
  await page().getByRole('navigation', { name: 'Evidence' }).getByRole('button', { name: title }).click();
  await page().getByRole('heading', { level: 2, name: title }).waitFor();
}

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    parts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  await doc.destroy();
  return parts.join('\n');
}

async function download(buttonName: string): Promise<Buffer> {
  const pending = page().waitForEvent('download');
  await page().getByRole('button', { name: buttonName }).click();
  const file = await (await pending).path();
  return readFile(file);
}

beforeAll(async () => {
  dir = await tempDir('anchor-review-e2e-');
  demo = await buildDemo(dir);
  session = await AnchorSession.start({ persistentProfile: true });
  await session.importFiles(...demo.map((p) => p.file));
  await page()
    .getByRole('status')
    .filter({ hasText: `${demo.length} of ${demo.length} packets` })
    .waitFor();
});
afterAll(async () => {
  await session?.stop();
});

describe('the review loop, end to end in Chromium', () => {
  it('scores a packet by keyboard with a PDF and a video comment, and submits it', async () => {
    const packet = byPseudonym('Candidate K-4172');
    const rubric = packet.manifest.rubric;
    const pdf = packet.manifest.evidence.find((e) => e.kind === 'pdf')!;
    const video = packet.manifest.evidence.find((e) => e.kind === 'video')!;
    await openPacket('Candidate K-4172');

    // Levels by keyboard: 4 for every criterion except the second (2 → a rationale is required).
    await page().getByRole('radiogroup', { name: rubric.criteria[0]!.title }).getByRole('radio').first().focus();
    for (const [index, criterion] of rubric.criteria.entries()) {
      await page().keyboard.press(index === 1 ? '2' : '4');
      await expect
        .poll(() =>
          page().getByRole('radiogroup', { name: criterion.title }).getByRole('radio', { checked: true }).count(),
        )
        .toBe(1)
        .catch(async (error: unknown) => {
          const focus = await page().evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
          throw new Error(`criterion ${index} not scored; focus on ${focus}`, { cause: error });
        });
      if (index === 1) {
        await page().keyboard.press('Tab');
        await page().keyboard.type('Groups are counted but misconceptions are not named (see analysis, page 2).');
        await page().keyboard.press('Shift+Tab');
      }
      await page().keyboard.press('j');
    }

    // A comment on page 2 of the lesson plan.
    await showEvidence(pdf.title);
    const pageNumber = page().getByRole('spinbutton', { name: 'Page number' });
    await pageNumber.fill('2');
    await pageNumber.press('Enter');
    await page().getByRole('button', { name: 'Next page' }).focus();
    await page().keyboard.press('c');
    const composer = page().getByRole('dialog', { name: 'New evidence comment' });
    await composer.getByText(`${pdf.title}, page 2`).waitFor();
    await page().keyboard.type('The success criteria are written in student-friendly language.');
    await page().keyboard.press('Enter');
    await composer.waitFor({ state: 'detached' });

    // A comment on the video: C pauses and stamps the moment, Enter saves and resumes.
    await showEvidence(video.title);
    await page().waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2);
    await page()
      .getByLabel(/video player/)
      .focus();
    await page().keyboard.press('Space');
    await page().waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 1.5);
    await page()
      .getByLabel(/video player/)
      .focus();
    await page().keyboard.press('c');
    await composer.waitFor();
    expect(await page().evaluate(() => document.querySelector('video')!.paused)).toBe(true);
    await page().keyboard.type('Strong turn-and-talk prompt about the unit rate.');
    await page().keyboard.press('Enter');
    await composer.waitFor({ state: 'detached' });
    await page().waitForFunction(() => !document.querySelector('video')!.paused);
    await page().evaluate(() => document.querySelector('video')!.pause());

    // Decision, feedback, private notes, then Ctrl+Enter and Enter to submit.
    await page().getByRole('radio', { name: 'Earned', exact: true }).focus();
    await page().keyboard.press('Space');
    await page().getByRole('textbox', { name: 'Overall feedback to the candidate' }).focus();
    await page().keyboard.type('Your exit tickets drove the next lesson: keep naming the misconception you saw.');
    await page().getByRole('textbox', { name: 'Private notes' }).focus();
    await page().keyboard.type(PRIVATE_NOTE);
    await page().keyboard.press('Control+Enter');
    const dialog = page().getByRole('dialog', { name: 'Submit this review?' });
    await dialog.waitFor();
    await page().keyboard.press('Enter');
    await page().getByRole('region', { name: 'Submitted review' }).getByText('Submitted').first().waitFor();
    await expect
      .poll(() => page().getByRole('textbox', { name: 'Private notes' }).getAttribute('readonly'))
      .not.toBeNull();
  });

  it('returns the viewer to the anchored page and moment when a comment is clicked', async () => {
    const packet = byPseudonym('Candidate K-4172');
    const pdf = packet.manifest.evidence.find((e) => e.kind === 'pdf')!;
    const video = packet.manifest.evidence.find((e) => e.kind === 'video')!;
    // The criterion card and the comments list both offer the jump; the card's comes first.
    await page()
      .getByRole('button', { name: new RegExp(`^${video.title}, \\d:\\d\\d$`) })
      .first()
      .click();
    await page().getByRole('heading', { level: 2, name: video.title }).waitFor();
    await page().waitForFunction(() => {
      const v = document.querySelector('video');
      return !!v && v.currentTime > 1.4 && v.paused;
    });
    await page()
      .getByRole('button', { name: `${pdf.title}, page 2` })
      .first()
      .click();
    await page().getByRole('heading', { level: 2, name: pdf.title }).waitFor();
    await expect.poll(() => page().getByRole('spinbutton', { name: 'Page number' }).inputValue()).toBe('2');
  });

  it('exports CSV, JSON and the candidate report, and private notes reach no candidate output', async () => {
    const packet = byPseudonym('Candidate K-4172');
    const rubric = packet.manifest.rubric;
    const csv = (await download('Export CSV')).toString('utf8');
    const rows = csv.trim().split('\r\n');
    expect(rows.length).toBe(1 + rubric.criteria.length + 1);
    expect(csv).toContain('Candidate K-4172');
    expect(csv).not.toContain(PRIVATE_NOTE);

    const assessorJson = JSON.parse((await download('Export JSON')).toString('utf8'));
    expect(assessorJson.reviews[0].privateNotes).toBe(PRIVATE_NOTE);
    expect(assessorJson.reviews[0].comments).toHaveLength(2);

    const candidateJson = (await download('Export candidate JSON')).toString('utf8');
    expect(candidateJson).not.toContain(PRIVATE_NOTE);
    expect(candidateJson).not.toContain('"assessorId"');

    const report = await pdfText(await download('Recommended feedback (PDF)'));
    expect(report).toContain(packet.manifest.credential.title);
    expect(report).toContain('Recommended feedback, not a decision.');
    expect(report).not.toMatch(/Decision: /);
    expect(report).toContain(rubric.criteria[0]!.levels[3]!.label);
    expect(report).toMatch(/page 2/);
    expect(report).toContain('success criteria are written in student-friendly language');
    expect(report).not.toContain('PRIVATE-NOTE');
    await page()
      .getByRole('status')
      .filter({ hasText: /Saved .*recommended-feedback\.pdf/ })
      .waitFor();
  });

  it('reopens a submitted review as revision 2 and records it in the local history', async () => {
    const history = page().getByRole('region', { name: 'History on this computer' });
    await history.getByText(/Submitted revision 1/).waitFor();
    await history
      .getByText(/Exported revision 1/)
      .first()
      .waitFor();
    await page().getByRole('button', { name: 'Reopen as revision 2' }).click();
    await history.getByText(/Reopened revision 2/).waitFor();
    await expect.poll(() => page().getByRole('textbox', { name: 'Private notes' }).getAttribute('readonly')).toBeNull();
    expect(await page().getByRole('textbox', { name: 'Private notes' }).inputValue()).toBe(PRIVATE_NOTE);
    await page().keyboard.press('Control+Enter');
    await page()
      .getByRole('dialog', { name: 'Submit this review?' })
      .getByRole('button', { name: 'Submit review' })
      .click();
    await history.getByText(/Submitted revision 2/).waitFor();
    await page().getByRole('button', { name: 'Reopen as revision 3' }).waitFor();
  });

  it('exports every submitted review from the queue', async () => {
    await page().goto(`${session.host.origin}/#/`);
    const row = page().getByRole('row', { name: /Candidate K-4172/ });
    await row.getByText('Submitted', { exact: true }).waitFor();
    const csv = (await download('Export all (CSV)')).toString('utf8');
    const rubric = byPseudonym('Candidate K-4172').manifest.rubric;
    expect(csv.trim().split('\r\n')).toHaveLength(1 + rubric.criteria.length + 1);
    expect(csv).toMatch(/,2,/); // the latest revision only
    // Exported is a flag beside Submitted, not a status that replaces it; both filters find it.
    await row.getByText('Exported', { exact: true }).waitFor();
    await row.getByText('Submitted', { exact: true }).waitFor();
    const statusFilter = page().getByRole('combobox', { name: 'Status' });
    for (const filter of ['submitted', 'exported']) {
      await statusFilter.selectOption(filter);
      await row.waitFor();
    }
    await statusFilter.selectOption('all');
  });

  it('lists exactly what is missing, and requires a justification for a decision the rule does not imply', async () => {
    const packet = byPseudonym('Candidate M-5531');
    const rubric = packet.manifest.rubric;
    await openPacket('Candidate M-5531');
    await page()
      .getByRole('radiogroup', { name: rubric.criteria[0]!.title })
      .getByRole('radio', { name: rubric.criteria[0]!.levels[0]!.label })
      .click();
    await page().keyboard.press('Control+Enter');
    const dialog = page().getByRole('dialog', { name: 'Not ready to submit' });
    await dialog.waitFor();
    const missing = dialog.getByRole('list', { name: 'Missing' });
    await missing.getByRole('button', { name: `Choose a level for “${rubric.criteria[1]!.title}”.` }).waitFor();
    await missing.getByRole('button', { name: /Give a rationale for/ }).waitFor();
    await missing.getByRole('button', { name: /Choose a decision/ }).waitFor();
    await missing.getByRole('button', { name: `Choose a level for “${rubric.criteria[1]!.title}”.` }).click();
    await expect
      .poll(() =>
        page().evaluate(() => document.activeElement?.closest('[role="radiogroup"]')?.getAttribute('aria-label')),
      )
      .toBe(rubric.criteria[1]!.title);

    for (const criterion of rubric.criteria.slice(1)) {
      await page()
        .getByRole('radiogroup', { name: criterion.title })
        .getByRole('radio', { name: criterion.levels[3]!.label })
        .click();
    }
    await page()
      .getByRole('textbox', { name: `Rationale for ${rubric.criteria[0]!.title}` })
      .fill('No check before independent work.');
    await page().getByRole('radio', { name: 'Earned', exact: true }).check();
    await page()
      .getByText(/The rubric rule implies: Not yet/)
      .waitFor();
    await page().keyboard.press('Control+Enter');
    await page()
      .getByRole('dialog', { name: 'Not ready to submit' })
      .getByRole('button', { name: /Justify recommending Earned/ })
      .waitFor();
    await page().keyboard.press('Escape');
    await page()
      .getByRole('textbox', { name: /Justification for recommending Earned/ })
      .waitFor();
  });

  it('offers the comment bank while typing a comment, seeded with the rubric level feedback', async () => {
    const packet = byPseudonym('Candidate M-5531');
    const criterion = packet.manifest.rubric.criteria[0]!;
    const seeded = criterion.levels.find((l) => l.feedback)!.feedback!;
    const words = seeded
      .split(/\s+/)
      .filter((w) => w.length > 4)
      .slice(0, 2)
      .join(' ');
    await openPacket('Candidate M-5531');
    await showEvidence(packet.manifest.evidence.find((e) => e.kind === 'pdf')!.title);
    await page().getByRole('radiogroup', { name: criterion.title }).getByRole('radio').first().focus();
    await page().keyboard.press('c');
    const composer = page().getByRole('dialog', { name: 'New evidence comment' });
    await expect.poll(() => composer.getByRole('combobox', { name: 'Criterion' }).inputValue()).toBe(criterion.id);
    await page().keyboard.type(words);
    const bank = composer.getByRole('listbox', { name: 'Comment bank' });
    await bank.getByRole('option', { name: seeded }).waitFor();
    await page().keyboard.press('ArrowDown');
    await page().keyboard.press('Enter');
    await expect.poll(() => composer.getByRole('combobox', { name: 'Comment' }).inputValue()).toBe(seeded);
    await page().keyboard.press('Enter');
    await page()
      .getByRole('list', { name: `Comments on ${criterion.title}` })
      .getByText(seeded)
      .waitFor();
  });

  it('shows a resubmission with the earlier feedback, and earlier levels only on request', async () => {
    const packet = byPseudonym('Candidate R-2098');
    const previous = packet.manifest.attempt.previous[0]!;
    await openPacket('Candidate R-2098');
    await page()
      .getByText(/Attempt 2: earlier feedback is under/)
      .waitFor();
    await page()
      .getByRole('navigation', { name: 'Evidence' })
      .getByRole('button', { name: /Earlier attempts/ })
      .click();
    const earlier = page().getByRole('article', { name: 'Earlier attempts' });
    await earlier.getByText(previous.feedback.split('\n')[0]!.slice(0, 60)).waitFor();
    expect(await earlier.getByRole('table').count()).toBe(0);
    await earlier.getByRole('checkbox', { name: 'Show earlier criterion levels' }).check();
    await earlier.getByRole('table', { name: 'Attempt 1 levels' }).waitFor();
  });

  it('opens the next unscored packet with N from the queue', async () => {
    await page().goto(`${session.host.origin}/#/`);
    await page().getByRole('table', { name: 'Packets' }).waitFor();
    await page().keyboard.press('n');
    await page().getByRole('region', { name: 'Rubric and scoring' }).waitFor();
    expect(await page().getByRole('region', { name: 'Submitted review' }).count()).toBe(0);
  });

  it('restores a draft after Chromium is killed mid-typing', async () => {
    const packet = byPseudonym('Candidate T-1186');
    const rubric = packet.manifest.rubric;
    const pdf = packet.manifest.evidence.find((e) => e.kind === 'pdf' && e.title.length > 0)!;
    await openPacket('Candidate T-1186');
    await showEvidence(pdf.title);
    const pageNumber = page().getByRole('spinbutton', { name: 'Page number' });
    await pageNumber.fill('2');
    await pageNumber.press('Enter');
    await page().waitForTimeout(700); // the viewer reports its position at most twice a second
    await page()
      .getByRole('radiogroup', { name: rubric.criteria[0]!.title })
      .getByRole('radio', { name: rubric.criteria[0]!.levels[2]!.label })
      .click();
    const notes = page().getByRole('textbox', { name: 'Private notes' });
    await notes.focus();
    await page().keyboard.type('Video consent note is on file; ask the committee.');
    await page().getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await page().keyboard.type(' Lost?'); // typed within the last moment before the kill
    await session.killAndRelaunchBrowser();
    await openPacket('Candidate T-1186');
    await page().getByRole('heading', { level: 2, name: pdf.title }).waitFor();
    await expect.poll(() => page().getByRole('spinbutton', { name: 'Page number' }).inputValue()).toBe('2');
    await expect
      .poll(() => page().getByRole('textbox', { name: 'Private notes' }).inputValue())
      .toMatch(/^Video consent note is on file; ask the committee\./);
    expect(
      await page()
        .getByRole('radiogroup', { name: rubric.criteria[0]!.title })
        .getByRole('radio', { name: rubric.criteria[0]!.levels[2]!.label })
        .getAttribute('aria-checked'),
    ).toBe('true');
    await page().goto(`${session.host.origin}/#/`);
    await page()
      .getByRole('row', { name: /Candidate T-1186/ })
      .getByText('In progress')
      .waitFor();
  });

  it('toggles box drawing with B whenever a PDF is shown, wherever focus is, but not while typing', async () => {
    const packet = byPseudonym('Candidate P-3307');
    const pdf = packet.manifest.evidence.find((e) => e.kind === 'pdf')!;
    await openPacket('Candidate P-3307');
    await showEvidence(pdf.title);
    const drawBox = page().getByRole('button', { name: 'Draw box' });
    await expect.poll(() => drawBox.isEnabled(), { timeout: 30_000 }).toBe(true);

    // Focus on the rubric, outside the viewer.
    await page()
      .getByRole('radiogroup', { name: packet.manifest.rubric.criteria[0]!.title })
      .getByRole('radio')
      .first()
      .focus();
    await page().keyboard.press('b');
    await expect.poll(() => drawBox.getAttribute('aria-pressed')).toBe('true');
    await page().keyboard.press('b');
    await expect.poll(() => drawBox.getAttribute('aria-pressed')).toBe('false');

    await page().getByRole('textbox', { name: 'Private notes' }).focus();
    await page().keyboard.type('b');
    expect(await drawBox.getAttribute('aria-pressed')).toBe('false');
  });

  it('has no serious or critical accessibility violations on the queue, review screen and submit dialog', async () => {
    await page().goto(`${session.host.origin}/#/`);
    await page().getByRole('table', { name: 'Packets' }).waitFor();
    expect(await axeViolations(page())).toEqual([]);
    await openPacket('Candidate J-7740');
    await page().getByRole('radiogroup').first().waitFor();
    expect(await axeViolations(page())).toEqual([]);
    await page().keyboard.press('Control+Enter');
    await page().getByRole('dialog', { name: 'Not ready to submit' }).waitFor();
    expect(await axeViolations(page())).toEqual([]);
  });
});

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/packets';
import { CommentBankDialog, ReviewScreen } from './drivers/review';
import { axeViolations } from './support/axe';
import { AnchorSession } from './support/browser';
import { buildDemo, type DemoPacket } from './support/demo';

/** Set to a folder to keep a screenshot of the bank (for checking its look). */
const SCREENSHOTS = process.env.ANCHOR_SCREENSHOTS;

let dir: string;
let demo: DemoPacket[];
let session: AnchorSession;
const page = (): Page => session.page;

beforeAll(async () => {
  dir = await tempDir('anchor-bank-e2e-');
  demo = await buildDemo(dir);
  session = await AnchorSession.start();
  await session.importFiles(...demo.map((p) => p.file));
  await page()
    .getByRole('status')
    .filter({ hasText: `${demo.length} of ${demo.length} packets` })
    .waitFor();
});
afterAll(async () => {
  await session?.stop();
});

async function openPacket(pseudonym: string): Promise<void> {
  await page().goto(`${session.host.origin}/#/`);
  await page().getByRole('searchbox', { name: 'Filter packets' }).fill(pseudonym);
  await page()
    .getByRole('row', { name: new RegExp(pseudonym) })
    .getByRole('link')
    .click();
  await page().getByRole('region', { name: 'Rubric and scoring' }).waitFor();
}

describe('the comment bank, as an assessor uses it', () => {
  it('searches, adds, inserts into a criterion’s and the overall feedback, edits and deletes', async () => {
    const packet = demo.find((p) => p.manifest.rubric.criteria.every((c) => c.commentBank?.length))!;
    const [first, second] = packet.manifest.rubric.criteria;
    const shipped = second!.commentBank![0]!;
    const levelFeedback = first!.levels.find((l) => l.feedback)!;
    const mine = 'Point to the page of the lesson plan where each checkpoint is written.';
    const edited = 'Point to the page and line of the lesson plan where each checkpoint is written.';
    const review = new ReviewScreen(page());
    const bank = new CommentBankDialog(page());

    await openPacket(packet.manifest.candidate.pseudonym);

    // Opened beside a criterion's feedback: it inserts there, and that criterion's group comes first,
    // with the rubric's level feedback read-only (no Edit or Delete).
    await bank.openFor(first!.title);
    expect(await bank.insertInto().locator('option:checked').textContent()).toBe(`Feedback on ${first!.title}`);
    const levelEntry = bank.group(first!.title).getByRole('listitem').filter({ hasText: levelFeedback.feedback! });
    await levelEntry.getByText(`Level feedback · ${levelFeedback.label}`).waitFor();
    expect(await levelEntry.getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    if (SCREENSHOTS) {
      await mkdir(SCREENSHOTS, { recursive: true });
      await page().screenshot({ path: join(SCREENSHOTS, 'comment-bank.png') });
    }
    expect(await axeViolations(page())).toEqual([]);

    // Search narrows to what matches every word.
    await bank.search(shipped.split(' ').slice(0, 3).join(' '));
    await bank.group(second!.title).getByText(shipped).waitFor();
    expect(await bank.group(first!.title).count()).toBe(0);

    // An entry of one's own, for the first criterion, inserted into its feedback.
    await bank.search('');
    await bank.add(mine, first!.title);
    await bank.dialog().getByRole('status').filter({ hasText: 'Entry added to the bank.' }).waitFor();
    await bank.search('checkpoint lesson page');
    await bank.group(first!.title).getByText(mine).waitFor();
    await bank.insert(mine.slice(0, 30));
    await bank.dialog().waitFor({ state: 'hidden' });
    await expect.poll(() => review.criterionFeedback(first!.title).inputValue()).toBe(mine);
    await expect
      .poll(() => review.criterionFeedback(first!.title).evaluate((el) => el === document.activeElement))
      .toBe(true);

    // From the overall feedback by keyboard: Alt+B, type, Enter inserts the first match.
    await review.feedback().fill('Thank you for a well-organised packet.');
    await page().keyboard.press('Alt+b');
    await bank.dialog().waitFor();
    expect(await bank.insertInto().locator('option:checked').textContent()).toBe('Overall feedback');
    await page().keyboard.type(shipped.split(' ').slice(0, 4).join(' '));
    await page().keyboard.press('Enter');
    await bank.dialog().waitFor({ state: 'hidden' });
    await expect.poll(() => review.feedback().inputValue()).toBe(`Thank you for a well-organised packet.\n${shipped}`);

    // Edit one's own entry; it is kept in this workspace across a reload.
    await page().getByRole('button', { name: 'Comment bank (Alt+B)' }).click();
    await bank.search('checkpoint');
    await bank.edit(mine.slice(0, 30), edited);
    await bank.dialog().getByText(edited).waitFor();
    await page().reload();
    await page().getByRole('region', { name: 'Rubric and scoring' }).waitFor();
    await bank.openFor('overall');
    await bank.search('checkpoint');
    await bank.group(first!.title).getByText(edited).waitFor();

    // Delete it (Undo is offered), and it is gone.
    await bank.delete(edited.slice(0, 30));
    await bank.dialog().getByRole('status').filter({ hasText: 'Entry deleted.' }).waitFor();
    await bank.dialog().getByRole('button', { name: 'Undo delete' }).waitFor();
    expect(await bank.dialog().getByText(edited).count()).toBe(0);
    await page().keyboard.press('Escape');
    await bank.dialog().waitFor({ state: 'hidden' });
    // What was inserted stays in the feedback: the bank entry and the text are independent.
    expect(await review.criterionFeedback(first!.title).inputValue()).toBe(mine);
  });
});

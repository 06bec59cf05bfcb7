import type { Locator, Page } from 'playwright-core';

/** The facilitator's norming board (`#/norming/<id>`), found the way a screen-reader user finds it. */
export class NormingBoard {
  constructor(private readonly page: Page) {}

  /** From the hub screen's list of sessions the facilitator runs. */
  async openFromHub(origin: string, title: string): Promise<this> {
    await this.page.goto(`${origin}/#/hub`);
    await this.page
      .getByRole('region', { name: 'Norming sessions you run' })
      .getByRole('link', { name: title })
      .click();
    await this.grid().waitFor();
    return this;
  }

  grid(): Locator {
    return this.page.getByRole('table', { name: 'Submissions' });
  }

  /** One participant's cell for the anchor at `anchorIndex` (0-based, scoring order). */
  cell(participant: string, anchorIndex: number): Locator {
    return this.grid()
      .getByRole('row', { name: new RegExp(`^${participant}\\b`) })
      .getByRole('cell')
      .nth(anchorIndex);
  }

  /** The live region that announces each submission. */
  announcement(): Locator {
    return this.page.getByRole('status').filter({ hasText: /submitted/ });
  }

  /** Reveals with the keyboard alone: Enter on the button, Enter on the dialog's focused "Reveal now". */
  async reveal(): Promise<void> {
    await this.page.getByRole('button', { name: 'Reveal…' }).focus();
    await this.page.keyboard.press('Enter');
    const dialog = this.page.getByRole('dialog', { name: 'Reveal the scores?' });
    await dialog.getByRole('button', { name: 'Reveal now' }).waitFor();
    await this.page.keyboard.press('Enter');
    await this.page
      .getByRole('table', { name: /^Agreement on / })
      .first()
      .waitFor();
  }

  /** The accessible text of the focused element (where a keyboard user is). */
  async focused(): Promise<string> {
    return this.page.evaluate(() => document.activeElement?.textContent ?? '');
  }

  /** The screen-reader table of one anchor's chart: level label → participants who chose it. */
  async distribution(criterion: string, anchorLabel: string): Promise<Record<string, number>> {
    const table = this.page.getByRole('table', { name: `${criterion}, ${anchorLabel}: levels chosen` });
    const rows = await table.getByRole('row').all();
    const counts: Record<string, number> = {};
    for (const row of rows.slice(1)) {
      const level = await row.getByRole('rowheader').innerText();
      counts[level] = Number(await row.getByRole('cell').first().innerText());
    }
    return counts;
  }

  /** The agreement statistics of one criterion: label → value as shown. */
  async statistics(criterion: string): Promise<Record<string, string>> {
    const rows = await this.page
      .getByRole('table', { name: `Agreement on ${criterion}` })
      .getByRole('row')
      .all();
    const shown: Record<string, string> = {};
    for (const row of rows) {
      shown[await row.getByRole('rowheader').innerText()] = await row.getByRole('cell').first().innerText();
    }
    return shown;
  }

  /** Who is furthest from the master, furthest first, as listed. */
  async furthest(criterion: string): Promise<string[]> {
    return this.page
      .getByRole('list', { name: `Furthest from the master on ${criterion}` })
      .getByRole('listitem')
      .allInnerTexts();
  }

  /** Records the discussion of one criterion, changing one anchor's master with a reason. */
  async recordConsensus(
    criterion: string,
    input: { notes: string; rationale: string; change?: { anchorLabel: string; level: string; reason: string } },
  ): Promise<void> {
    const form = this.page.getByRole('form', { name: `Discussion of ${criterion}` });
    await form.getByRole('textbox', { name: 'Discussion notes' }).fill(input.notes);
    await form.getByRole('textbox', { name: /Consensus rationale/ }).fill(input.rationale);
    if (input.change) {
      const { anchorLabel, level, reason } = input.change;
      await form.getByRole('combobox', { name: `Master level for ${anchorLabel}` }).selectOption({ label: level });
      await form.getByRole('textbox', { name: `Reason for changing the master of ${anchorLabel}` }).fill(reason);
    }
    await form.getByRole('button', { name: 'Record consensus' }).click();
    await form.getByText(/Recorded \(revision \d+/).waitFor();
  }

  /** The history of one anchor's master on the criterion form, oldest first. */
  async masterHistory(anchorLabel: string): Promise<string[]> {
    return this.page
      .getByRole('list', { name: `Master history of ${anchorLabel}` })
      .getByRole('listitem')
      .allInnerTexts();
  }

  async closeSession(): Promise<void> {
    await this.page.getByRole('button', { name: 'Close session…' }).click();
    await this.page
      .getByRole('dialog', { name: 'Close this session?' })
      .getByRole('button', { name: 'Close session' })
      .click();
    await this.page.getByRole('columnheader', { name: 'Recorded' }).waitFor();
  }

  /** The qualification table: participant → [result, recorded]. */
  async qualifications(): Promise<Record<string, string[]>> {
    const rows = await this.page.getByRole('table', { name: 'Results against the thresholds' }).getByRole('row').all();
    const results: Record<string, string[]> = {};
    for (const row of rows.slice(1)) {
      const cells = await row.getByRole('cell').allInnerTexts();
      results[await row.getByRole('rowheader').innerText()] = cells.slice(4);
    }
    return results;
  }

  /** Saves the PDF report; returns its bytes. */
  async downloadPdf(): Promise<Buffer> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Download report (PDF)' }).click();
    const file = await (await download).path();
    const { readFile } = await import('node:fs/promises');
    return readFile(file);
  }

  /** Saves the CSV report; returns its text. */
  async downloadCsv(): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Download report (CSV)' }).click();
    const file = await (await download).path();
    const { readFile } = await import('node:fs/promises');
    return readFile(file, 'utf8');
  }
}

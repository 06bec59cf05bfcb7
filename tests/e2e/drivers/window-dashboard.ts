import type { Locator, Page } from 'playwright-core';

/** The chair's window dashboard (`#/windows/<id>`), found by roles and labels as a screen reader finds it. */
export class WindowDashboardPage {
  constructor(private readonly page: Page) {}

  /** From the hub screen's list of review windows. */
  async openFromHub(origin: string, windowName: string): Promise<this> {
    await this.page.goto(`${origin}/#/hub`);
    await this.page.getByRole('region', { name: 'Review windows' }).getByRole('link', { name: windowName }).click();
    await this.table().waitFor();
    return this;
  }

  table(): Locator {
    return this.page.getByRole('grid', { name: 'Packets in this window' });
  }

  row(pseudonym: string): Locator {
    return this.table().getByRole('row', { name: new RegExp(`^${pseudonym}\\b`) });
  }

  /** The "Packets per state" chart's text: state label → count. */
  async stateCounts(): Promise<Record<string, number>> {
    const items = await this.page.getByRole('figure', { name: 'Packets per state' }).getByRole('listitem').all();
    const counts: Record<string, number> = {};
    for (const item of items) {
      const [label, value] = (await item.innerText()).split('\n').map((s) => s.trim());
      counts[label!] = Number.parseInt(value!, 10);
    }
    return counts;
  }

  async filter(label: RegExp): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Show' }).selectOption({ label: await this.optionLabel(label) });
  }

  private async optionLabel(label: RegExp): Promise<string> {
    const options = await this.page.getByRole('combobox', { name: 'Show' }).locator('option').allInnerTexts();
    return options.find((text) => label.test(text)) ?? String(label);
  }

  /** Reassigns with the keyboard: focus the grid, arrow to the row, Enter, pick the assessor, Enter. */
  async reassign(pseudonym: string, to: string): Promise<Locator> {
    const names = await this.table().getByRole('row').allInnerTexts();
    const index = names.slice(1).findIndex((text) => text.startsWith(pseudonym));
    await this.table().focus();
    await this.page.keyboard.press('Home');
    for (let i = 0; i < index; i++) await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('Enter');
    const dialog = this.page.getByRole('dialog', { name: `Reassign ${pseudonym}` });
    await dialog.getByRole('combobox', { name: 'New assessor' }).selectOption({ label: to });
    await dialog.getByRole('button', { name: 'Reassign' }).click();
    return dialog;
  }

  /** The Progress section: the projection sentence and its two charts. */
  progress(): Locator {
    return this.page.getByRole('region', { name: 'Progress' });
  }

  /** A chart's table alternative, opened as a user would (its summary), as rows of cell texts. */
  async chartTable(figure: string, summary: string): Promise<string[][]> {
    const chart = this.progress().getByRole('figure', { name: figure });
    const details = chart.locator('details');
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await chart.getByText(summary).click();
    const rows = await chart.getByRole('table').getByRole('row').all();
    // Header and data cells in reading order: the day (a row header) first.
    return Promise.all(
      rows.slice(1).map(async (row) => (await row.locator('th, td').allInnerTexts()).map((t) => t.trim())),
    );
  }

  notice(): Locator {
    return this.page.getByRole('status').filter({ hasText: /moved from/ });
  }
}

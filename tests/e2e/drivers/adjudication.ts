import type { Locator, Page } from 'playwright-core';

/**
 * An adjudication: its summary (`#/windows/<w>/adjudications/<a>`: the two scorings, the recorded
 * resolution) and resolving it in the scoring screen beside the evidence (`…/score`).
 */
export class AdjudicationScreens {
  constructor(private readonly page: Page) {}

  /** The two scorings side by side: on the summary, and in the scoring screen's reference panel. */
  scorings(): Locator {
    return this.page.getByRole('table', { name: 'The two scorings' });
  }

  /** From the summary to the scoring screen; waits until the evidence navigator is there. */
  async resolveWithTheEvidence(): Promise<void> {
    await this.page.getByRole('link', { name: 'Resolve with the evidence' }).click();
    await this.page.getByRole('navigation', { name: 'Evidence' }).waitFor({ timeout: 20_000 });
  }

  /** Waits until a PDF of the evidence is drawn (its document is no longer busy). */
  async pdfShown(title: string): Promise<void> {
    await this.page
      .locator('[role="document"][aria-busy="false"]')
      .and(this.page.getByRole('document', { name: title }))
      .waitFor();
  }

  /** A criterion's card in the scoring screen (its number and title name it). */
  criterion(title: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`${title}$`) });
  }

  rationale(criterion: string): Locator {
    return this.page.getByRole('textbox', { name: `Rationale for ${criterion}` });
  }

  /** The draft is on disk (the rubric header says so). */
  async saved(): Promise<void> {
    await this.page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  }

  /** Ctrl+Enter and confirm; the summary opens with the resolution. */
  async record(): Promise<void> {
    await this.page.keyboard.press('Control+Enter');
    const dialog = this.page.getByRole('dialog', { name: 'Submit this review?' });
    await dialog.getByRole('button', { name: 'Submit review' }).click();
    await this.resolution().waitFor();
  }

  /** The recorded resolution on the summary. */
  resolution(): Locator {
    return this.page.getByRole('region', { name: 'Resolution' });
  }
}

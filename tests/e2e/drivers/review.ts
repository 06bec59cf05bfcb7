import type { Locator, Page } from 'playwright-core';

/** The review screen of an open packet: levels, decision, feedback, private notes, submit. */
export class ReviewScreen {
  constructor(private readonly page: Page) {}

  feedback(): Locator {
    return this.page.getByRole('textbox', { name: 'Overall feedback to the candidate' });
  }

  privateNotes(): Locator {
    return this.page.getByRole('textbox', { name: 'Private notes' });
  }

  async chooseLevel(criterion: string, level: string): Promise<void> {
    await this.page.getByRole('radiogroup', { name: criterion }).getByRole('radio', { name: level }).click();
  }

  async decide(decision: 'Earned' | 'Not yet' | 'Unscorable'): Promise<void> {
    await this.page.getByRole('radio', { name: decision, exact: true }).check();
  }

  /** Ctrl+Enter, confirm in the dialog, and wait for the read-only submitted review. */
  async submit(): Promise<void> {
    await this.page.keyboard.press('Control+Enter');
    await this.page
      .getByRole('dialog', { name: 'Submit this review?' })
      .getByRole('button', { name: 'Submit review' })
      .click();
    await this.page.getByRole('region', { name: 'Submitted review' }).waitFor();
  }
}

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

  /** Opens an evidence item (or "Written responses") from the navigator. */
  async openEvidence(title: string): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Evidence' })
      .getByRole('button', { name: new RegExp(escapeRegExp(title)) })
      .click();
    await this.page.getByRole('heading', { level: 2, name: title }).waitFor();
  }

  /**
   * Presses C (comment where the evidence is), writes the comment and saves it with Enter.
   * Returns the place the review screen says the comment was saved at.
   */
  async comment(text: string, press = true): Promise<string> {
    if (press) await this.page.keyboard.press('c');
    const composer = this.page.getByRole('dialog', { name: 'New evidence comment' });
    await composer.getByRole('combobox', { name: 'Comment' }).fill(text);
    await composer.getByRole('combobox', { name: 'Comment' }).press('Enter');
    const notice = this.page.getByRole('status').filter({ hasText: /^Comment saved at / });
    await notice.waitFor();
    const saved = (await notice.textContent()) ?? '';
    return saved.replace(/^Comment saved at /, '').replace(/\.$/, '');
  }

  /** The list of all comments (on the item shown, or the whole packet). */
  commentsList(): Locator {
    return this.page.getByRole('region', { name: 'Comments' });
  }

  async showPacketComments(): Promise<void> {
    await this.commentsList()
      .getByRole('button', { name: /^Whole packet/ })
      .click();
  }

  /** Jumps from the comments list to the place a comment points at. */
  async jumpTo(place: string): Promise<void> {
    await this.commentsList().getByRole('button', { name: place, exact: true }).click();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

import type { Locator, Page } from 'playwright-core';

/** The review screen of an open packet: levels, decision, feedback, private notes, submit. */
export class ReviewScreen {
  constructor(private readonly page: Page) {}

  feedback(): Locator {
    return this.page.getByRole('textbox', { name: 'Overall feedback to the candidate' });
  }

  /** The candidate feedback field of one criterion. */
  criterionFeedback(criterion: string): Locator {
    return this.page.getByRole('textbox', { name: `Feedback on ${criterion}` });
  }

  /** The rationale field of one criterion. */
  rationale(criterion: string): Locator {
    return this.page.getByRole('textbox', { name: `Rationale for ${criterion}` });
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

/** The comment bank dialog: browse, search, insert into a feedback field, and manage entries. */
export class CommentBankDialog {
  constructor(private readonly page: Page) {}

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Comment bank' });
  }

  /** Opens the bank from the "Insert from bank" button beside a criterion's feedback (or the overall feedback). */
  async openFor(criterion: string | 'overall'): Promise<void> {
    const name =
      criterion === 'overall'
        ? 'Insert from bank into the overall feedback'
        : `Insert from bank into feedback on ${criterion}`;
    await this.page.getByRole('button', { name }).click();
    await this.dialog().waitFor();
  }

  insertInto(): Locator {
    return this.dialog().getByRole('combobox', { name: 'Insert into' });
  }

  async search(words: string): Promise<void> {
    await this.dialog().getByRole('searchbox', { name: 'Search the comment bank' }).fill(words);
  }

  /** The entries shown under a group's heading (a criterion's title, or "General"). */
  group(title: string): Locator {
    return this.dialog().getByRole('list', { name: title, exact: true });
  }

  async add(text: string, criterion: string): Promise<void> {
    await this.dialog().getByRole('textbox', { name: 'New entry' }).fill(text);
    await this.dialog()
      .getByRole('region', { name: 'Add an entry' })
      .getByRole('combobox', { name: 'Criterion' })
      .selectOption({ label: criterion });
    await this.dialog().getByRole('button', { name: 'Add to bank' }).click();
  }

  async insert(textStart: string): Promise<void> {
    await this.dialog()
      .getByRole('button', { name: `Insert: ${textStart}` })
      .click();
  }

  async edit(textStart: string, newText: string): Promise<void> {
    await this.dialog()
      .getByRole('button', { name: `Edit: ${textStart}` })
      .click();
    await this.dialog().getByRole('textbox', { name: 'Edit entry' }).fill(newText);
    await this.dialog().getByRole('button', { name: 'Save entry' }).click();
  }

  async delete(textStart: string): Promise<void> {
    await this.dialog()
      .getByRole('button', { name: `Delete: ${textStart}` })
      .click();
  }
}

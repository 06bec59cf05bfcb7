import type { Locator, Page } from 'playwright-core';

/** The packet queue as an assessor sees it (`#/`): rows by candidate, import, the name prompt. */
export class QueueScreen {
  constructor(
    private readonly page: Page,
    private readonly origin: string,
  ) {}

  async open(): Promise<this> {
    await this.page.goto(`${this.origin}/#/`);
    await this.page.getByRole('heading', { name: /Packet queue/ }).waitFor();
    return this;
  }

  /** The queue row of a candidate (by pseudonym). */
  row(pseudonym: string): Locator {
    return this.page.getByRole('row', { name: new RegExp(pseudonym) });
  }

  async hasPacket(pseudonym: string): Promise<boolean> {
    return (await this.row(pseudonym).count()) > 0;
  }

  /** Opens a candidate's packet on the review screen. */
  async openPacket(pseudonym: string, credential = 'Checking for Understanding'): Promise<void> {
    await this.open();
    await this.row(pseudonym).getByRole('link', { name: credential }).click();
    await this.page.getByRole('textbox', { name: 'Overall feedback to the candidate' }).waitFor();
  }

  /** The local workspace asks once for the name recorded on reviews of imported packets. */
  nameForm(): Locator {
    return this.page.getByRole('form', { name: 'Your name on reviews' });
  }

  async giveName(name: string): Promise<void> {
    await this.nameForm().getByRole('textbox').fill(name);
    await this.nameForm().getByRole('button', { name: 'Save name' }).click();
    await this.nameForm().waitFor({ state: 'detached' });
  }
}

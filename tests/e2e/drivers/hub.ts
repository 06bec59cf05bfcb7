import type { Page } from 'playwright-core';

/** The Hub screen (`#/hub`): sign in and out, assigned packets and their downloads. */
export class HubScreen {
  constructor(
    private readonly page: Page,
    private readonly origin: string,
  ) {}

  async open(): Promise<this> {
    await this.page.goto(`${this.origin}/#/hub`);
    return this;
  }

  async signIn(hubUrl: string, username: string, password: string): Promise<void> {
    await this.open();
    await this.page.getByRole('textbox', { name: 'Hub address' }).fill(hubUrl);
    await this.page.getByRole('textbox', { name: 'User name' }).fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    const signedIn = this.page.getByText(/Signed in to/);
    const refused = this.page.locator('.hub-card').getByRole('alert');
    await signedIn
      .or(refused)
      .first()
      .waitFor()
      .catch(async (timeout: unknown) => {
        // What the screen showed instead, for the failure's message.
        const shown = await this.page
          .locator('main, body')
          .first()
          .innerText()
          .catch(() => '(no page)');
        throw new Error(
          `sign-in as ${username} showed neither an account nor a refusal at ${this.page.url()}:\n${shown.slice(0, 1500)}\n${String(timeout)}`,
        );
      });
    // A refusal fails here, in the app's words, rather than as a timeout.
    if (!(await signedIn.isVisible())) throw new Error(`sign-in refused: ${await refused.first().textContent()}`);
  }

  async signOut(): Promise<void> {
    await this.open();
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await this.page.getByRole('button', { name: 'Sign in' }).waitFor();
  }

  /** The candidates (pseudonyms) in the Assigned packets table, once it lists at least `atLeast`. */
  async assignedPseudonyms(atLeast = 1): Promise<string[]> {
    const cells = this.page.getByRole('table', { name: 'Assigned packets' }).locator('tbody tr td:first-child');
    await cells.nth(atLeast - 1).waitFor({ timeout: 30_000 });
    return cells.allInnerTexts();
  }

  /** Downloads every assigned packet not on this computer yet and waits until all are verified. */
  async downloadAll(): Promise<void> {
    await this.page.getByRole('button', { name: /^Download all \([1-9]/ }).click();
    // Every listed packet is on this computer, verified: none is left to download.
    await this.page.getByRole('button', { name: 'Download all (0)' }).waitFor({ timeout: 60_000 });
  }

  /** Downloads one assigned packet (by pseudonym) and waits until it is verified and in the library. */
  async download(pseudonym: string): Promise<void> {
    await this.open();
    const row = this.page
      .getByRole('table', { name: 'Assigned packets' })
      .getByRole('row', { name: new RegExp(pseudonym) });
    await row.getByRole('button', { name: /Download/ }).click();
    await row.getByText('Downloaded', { exact: true }).waitFor({ timeout: 30_000 });
  }
}

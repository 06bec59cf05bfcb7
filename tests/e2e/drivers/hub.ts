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
    await signedIn.or(refused).first().waitFor();
    // A refusal fails here, in the app's words, rather than as a timeout.
    if (!(await signedIn.isVisible())) throw new Error(`sign-in refused: ${await refused.first().textContent()}`);
  }

  async signOut(): Promise<void> {
    await this.open();
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await this.page.getByRole('button', { name: 'Sign in' }).waitFor();
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

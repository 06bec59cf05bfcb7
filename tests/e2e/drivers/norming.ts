import type { Locator, Page } from 'playwright-core';

/** The participant's norming screens (`#/my-norming`, a session, blind scoring of an anchor). */
export class NormingScreens {
  constructor(
    private readonly page: Page,
    private readonly origin: string,
  ) {}

  /** The sessions list, reached from the hub screen's "Norming sessions" link (as a person would). */
  async openFromHub(): Promise<Locator> {
    await this.page.goto(`${this.origin}/#/hub`);
    await this.page.getByRole('link', { name: 'My norming sessions' }).click();
    const table = this.page.getByRole('table', { name: 'Norming sessions' });
    await table.waitFor();
    return table;
  }

  sessionRow(title: string): Locator {
    return this.page.getByRole('table', { name: 'Norming sessions' }).getByRole('row', { name: new RegExp(title) });
  }

  async openSession(title: string): Promise<void> {
    await this.sessionRow(title).getByRole('link', { name: title }).click();
    await this.anchors().waitFor();
  }

  anchors(): Locator {
    return this.page.getByRole('table', { name: 'Anchors' });
  }

  anchorRow(pseudonym: string): Locator {
    return this.anchors().getByRole('row', { name: new RegExp(pseudonym) });
  }

  /** Downloads one anchor and waits until it is on this computer. */
  async download(pseudonym: string): Promise<void> {
    const row = this.anchorRow(pseudonym);
    await row.getByRole('button', { name: /^Download/ }).click();
    await row.getByText('On this computer').waitFor({ timeout: 30_000 });
  }

  /** Opens the blind scoring screen of an anchor. */
  async startScoring(pseudonym: string): Promise<void> {
    await this.anchorRow(pseudonym)
      .getByRole('button', { name: /^(Score|Continue scoring)/ })
      .click();
    await this.page.getByRole('radiogroup').first().waitFor();
  }

  /** Scores the test rubric's one criterion at `level` with a rationale, decides, and submits to the session. */
  async scoreAndSubmit(criterion: string, level: string, rationale: string): Promise<void> {
    await this.page.getByRole('radiogroup', { name: criterion }).getByRole('radio', { name: level }).click();
    await this.page.getByRole('textbox', { name: `Rationale for ${criterion}` }).fill(rationale);
    await this.page.getByRole('radio', { name: 'Earned', exact: true }).check();
    await this.page.getByRole('textbox', { name: 'Overall feedback to the candidate' }).fill('Calibration score.');
    await this.page.keyboard.press('Control+Enter');
    await this.page
      .getByRole('dialog', { name: 'Submit this review?' })
      .getByRole('button', { name: 'Submit review' })
      .click();
    await this.page.getByRole('region', { name: 'Submitted review' }).waitFor();
  }

  /** Back to the session from the scoring screen. */
  async backToSession(): Promise<void> {
    await this.page.getByRole('link', { name: '← Session' }).click();
    await this.anchors().waitFor();
  }

  revealed(): Locator {
    return this.page.getByRole('region', { name: /Revealed/ });
  }
}

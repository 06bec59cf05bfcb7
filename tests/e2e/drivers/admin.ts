import type { Locator, Page } from 'playwright-core';

export interface WindowFields {
  name: string;
  /** datetime-local values (the browser's local time). */
  opensAt?: string;
  closesAt?: string;
  randomSharePercent?: string;
  nearCutMargin?: string;
  totalGap?: string;
}

/** The Administration screens (`#/admin/<section>`), driven by their roles and labels. */
export class AdminScreen {
  constructor(
    private readonly page: Page,
    private readonly origin: string,
  ) {}

  async open(section: 'Review windows' | 'Packets' | 'Users' | 'Assignments'): Promise<void> {
    if (!this.page.url().includes('#/admin')) await this.page.goto(`${this.origin}/#/admin`);
    await this.page
      .getByRole('navigation', { name: 'Administration sections' })
      .getByRole('link', { name: section })
      .click();
    await this.page.getByRole('heading', { level: 2, name: section }).waitFor();
  }

  form(name: string): Locator {
    return this.page.getByRole('form', { name });
  }

  async fillWindow(form: Locator, fields: WindowFields): Promise<void> {
    await form.getByRole('textbox', { name: 'Name' }).fill(fields.name);
    if (fields.opensAt) await form.getByLabel('Opens', { exact: true }).fill(fields.opensAt);
    if (fields.closesAt) await form.getByLabel('Closes', { exact: true }).fill(fields.closesAt);
    if (fields.randomSharePercent)
      await form.getByRole('spinbutton', { name: 'Random share (%)' }).fill(fields.randomSharePercent);
    if (fields.nearCutMargin)
      await form.getByRole('spinbutton', { name: 'Near-cut margin (score points)' }).fill(fields.nearCutMargin);
    if (fields.totalGap)
      await form.getByRole('spinbutton', { name: 'differ in total by more than (points)' }).fill(fields.totalGap);
  }

  async createWindow(fields: WindowFields): Promise<void> {
    const form = this.form('New window');
    await this.fillWindow(form, fields);
    await form.getByRole('button', { name: 'Create window' }).click();
    await this.windowRow(fields.name).waitFor();
  }

  windowRow(name: string): Locator {
    return this.page.getByRole('table').getByRole('row', { name: new RegExp(`^${name} `) });
  }

  async uploadPackets(files: string[], labels: { school?: string; district?: string } = {}): Promise<Locator> {
    const form = this.form('Upload packets');
    await form.getByLabel('Packet files (.anchor)').setInputFiles(files);
    if (labels.school) await form.getByRole('textbox', { name: 'School (optional)' }).fill(labels.school);
    if (labels.district) await form.getByRole('textbox', { name: 'District (optional)' }).fill(labels.district);
    await form.getByRole('button', { name: 'Upload' }).click();
    const results = this.page.getByRole('list', { name: 'Upload results' });
    await results
      .getByRole('listitem')
      .nth(files.length - 1)
      .waitFor();
    return results;
  }

  async createUser(username: string, password: string): Promise<void> {
    const form = this.form('New account');
    await form.getByRole('textbox', { name: 'Username' }).fill(username);
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Create account' }).click();
    await this.userRow(username).waitFor();
  }

  userRow(username: string): Locator {
    return this.page.getByRole('row', { name: new RegExp(`^${username} `) });
  }

  /** Disables or enables an account through its confirmation. */
  async toggleUser(username: string, action: 'Disable' | 'Enable'): Promise<void> {
    await this.page.getByRole('button', { name: `${action} ${username}` }).click();
    await this.page
      .getByRole('dialog', { name: `${action} ${username}?` })
      .getByRole('button', { name: `${action} account` })
      .click();
  }

  async chooseWindow(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Review window' }).selectOption({ label });
  }

  async assignByHand(packetLabel: string, assessor: string): Promise<void> {
    const form = this.form('Assign by hand');
    await form.getByRole('combobox', { name: 'Packet' }).selectOption({ label: packetLabel });
    await form.getByRole('combobox', { name: 'Assessor' }).selectOption({ label: assessor });
    await form.getByRole('button', { name: 'Assign' }).click();
    await form.getByText(`Assigned to ${assessor}.`).waitFor();
  }

  async autoAssign(perPacket: number): Promise<void> {
    const form = this.form('Assign automatically');
    await form.getByRole('spinbutton', { name: 'Assessors per packet' }).fill(String(perPacket));
    await form.getByRole('button', { name: 'Assign automatically' }).click();
  }

  async unassign(packetLabel: string, assessor: string): Promise<void> {
    await this.page.getByRole('button', { name: `Unassign ${packetLabel} from ${assessor}` }).click();
    await this.page
      .getByRole('dialog', { name: `Unassign from ${assessor}?` })
      .getByRole('button', { name: 'Unassign' })
      .click();
  }
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnchorSession } from './support/browser';

// First run (`npm run web -- --demo`, and `npm start`): with no hub configured, the hub screen
// offers a local demo hub; one click starts it (PGlite, demo seed) and the demo accounts work.

let session: AnchorSession;

beforeAll(async () => {
  session = await AnchorSession.start({ demoHub: true });
});
afterAll(async () => {
  await session?.stop();
});

describe('first run with the local demo hub', () => {
  it('starts the demo hub, signs in as assessor1 and downloads an assigned demo packet', async () => {
    const page = session.page;
    await page.getByRole('link', { name: 'Sign in to a hub' }).click();
    await page.getByRole('button', { name: 'Start a local demo hub' }).click();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Hub address' }).inputValue(), { timeout: 60_000 })
      .toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await page.getByRole('textbox', { name: 'User name' }).inputValue()).toBe('assessor1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/Signed in to .* as assessor1/).waitFor();

    const table = page.getByRole('table', { name: 'Assigned packets' });
    const first = table.getByRole('row').nth(1);
    await first.waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(2);
    await first.getByRole('button', { name: /^Download / }).click();
    await first.getByText('Downloaded', { exact: true }).waitFor({ timeout: 60_000 });
    await first.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('region', { name: 'Rubric and scoring' }).waitFor();
  });
});

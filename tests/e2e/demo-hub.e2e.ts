import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnchorSession } from './support/browser';

// First run (`npm run web -- --demo`, and `npm start`): the empty queue offers the local demo hub
// and Import (no command to type); one click starts the demo hub (PGlite, demo seed) and the demo
// accounts work.

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
    const empty = page.locator('.empty');
    await empty.getByRole('heading', { name: 'No packets yet' }).waitFor();
    expect(await empty.textContent()).not.toMatch(/npm |anchor --/);
    await empty.getByRole('button', { name: 'Import packets…' }).waitFor();
    await empty.getByRole('button', { name: 'Try the demo hub' }).click();
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

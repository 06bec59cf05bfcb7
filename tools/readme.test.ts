import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import vitestConfig from '../vitest.config.ts';

const root = resolve(import.meta.dirname, '..');
const read = (file: string) => readFile(resolve(root, file), 'utf8');

/** The "Two commands" section of the README, up to the next heading. */
async function twoCommands(): Promise<string> {
  const readme = await read('README.md');
  const start = readme.indexOf('## Two commands');
  expect(start).toBeGreaterThanOrEqual(0);
  return readme.slice(start, readme.indexOf('\n## ', start + 1));
}

describe('README "Two commands" and what setup prints', () => {
  it('the test line names every vitest project', async () => {
    const section = await twoCommands();
    const testComment = section.match(/# Test:[^\n]*(\n#[^\n]*)*/)?.[0] ?? '';
    const projects = (vitestConfig.test?.projects ?? []).map((p) => (p as { test: { name: string } }).test.name);
    expect(projects.length).toBeGreaterThan(0);
    for (const name of projects) expect(testComment, name).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it('the install line names PostgreSQL beside Chromium', async () => {
    expect(await twoCommands()).toMatch(/apt-get install -y chromium fonts-dejavu-core postgresql strace/);
  });

  it("setup's closing words name the README's two commands", async () => {
    const commands = (await twoCommands())
      .split('\n')
      .filter((line) => line.startsWith('npm '))
      .flatMap((line) => line.split('&&').map((part) => part.trim()))
      .filter((command) => command !== 'npm run setup');
    expect(commands).toEqual(['npm run web -- --demo', 'npm test']);
    const setup = await read('scripts/setup.mjs');
    const closing = setup.slice(setup.lastIndexOf('console.log('));
    for (const command of commands) expect(closing).toContain(`"${command}"`);
  });

  it('the page has a favicon', async () => {
    expect(await read('src/renderer/index.html')).toMatch(
      /<link rel="icon" type="image\/svg\+xml" href="\.\/favicon\.svg"/,
    );
  });
});

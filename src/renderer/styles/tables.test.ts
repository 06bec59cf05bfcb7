import { describe, expect, it } from 'vitest';
import css from './app.css?raw';
import viewersCss from '../viewers/viewers.css?raw';

/** The declarations of every rule whose selector list names a table header cell. */
function headerRules(text: string): { selector: string; body: string }[] {
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...withoutComments.matchAll(/([^{}]+)\{([^{}]*)\}/g)]
    .map(([, selector, body]) => ({ selector: selector!.trim(), body: body! }))
    .filter(({ selector }) => selector.split(',').some((part) => /(^|[\s>+~])th(\b|$)/.test(part.trim())));
}

describe('table headers (library, assignments, uploads)', () => {
  it('never wrap, so a header is never broken inside a word', () => {
    const rules = headerRules(css);
    const nowrap = rules.find(
      ({ selector, body }) => selector.includes('.library-table th') && /white-space:\s*nowrap/.test(body),
    );
    expect(nowrap, 'a .library-table th rule with white-space: nowrap').toBeDefined();
    expect(nowrap!.body).toMatch(/word-break:\s*keep-all/);
  });

  it('no header rule lets words break anywhere', () => {
    for (const { selector, body } of headerRules(css)) {
      expect(body, selector).not.toMatch(/overflow-wrap:\s*anywhere|word-break:\s*break-(all|word)/);
    }
  });
});

describe('the table viewer’s column headers', () => {
  it('wrap at spaces only, never inside a word', () => {
    const rule = viewersCss.match(/\.av-sort__name\s*\{([^}]*)\}/)?.[1] ?? '';
    expect(rule).toMatch(/word-break:\s*keep-all/);
    expect(rule).not.toMatch(/overflow-wrap:\s*anywhere|word-break:\s*break-(all|word)/);
  });
});

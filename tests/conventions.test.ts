// Guards the layout's rules: core/ is pure logic (no browser, WXT or UI
// imports), and no code inserts markup as HTML.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const importsOf = (file: string) => [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^\s*import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

describe('conventions', () => {
  it('core/ imports no browser API, WXT, UI or page code', () => {
    const bad = sources('core').flatMap((f) =>
      importsOf(f)
        .filter((i) => /^(wxt|webextension-polyfill|@wxt-dev|preact)/.test(i) || /\.\.\/(page|entrypoints|components|utils)\b/.test(i))
        .map((i) => `${f}: ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('core/ uses no DOM or extension globals', () => {
    // Comments and string literals are prose ("stays in this browser."), not code.
    const code = (f: string) =>
      readFileSync(join(ROOT, f), 'utf8')
        .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
        .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
    const bad = sources('core').filter((f) => /\b(document|window|chrome|browser)\s*\./.test(code(f)));
    expect(bad).toEqual([]);
  });

  it('no code writes HTML strings into the DOM', () => {
    const files = ['core', 'page', 'components', 'entrypoints', 'utils'].flatMap(sources);
    const bad = files.filter((f) =>
      /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(bad.map((f) => relative(ROOT, join(ROOT, f)))).toEqual([]);
  });
});

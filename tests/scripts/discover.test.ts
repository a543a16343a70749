// The discover command, run as a user would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { visibleText } from '../../scripts/annotate';
import { ROOT } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'reperes-discover-'));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/discover.ts'), ...args], { encoding: 'utf8', cwd: ROOT });

interface Output {
  candidates: { start: number; end: number; text: string; type: string }[];
}

describe('discover', { timeout: 60_000 }, () => {
  it('prints the unknown names of a text file as JSON, with UTF-16 offsets into the file, the language told from the text', () => {
    const text = '😀 Marta Ruiz met Emmanuel Macron in Paris on Tuesday. Ruiz runs the Lumen Data Institute in Lindford, and she said the results were clear.';
    const file = join(dir, 'a.txt');
    writeFileSync(file, text);
    const out = run('--json', file);
    expect(out.status, out.stderr).toBe(0);
    const { candidates } = JSON.parse(out.stdout) as Output;
    expect(candidates.map((c) => [c.text, c.type])).toEqual([
      ['Marta Ruiz', 'person'],
      ['Ruiz', 'person'],
      ['Lumen Data Institute', 'organization'],
      ['Lindford', 'place'],
    ]);
    for (const c of candidates) {
      expect(Object.keys(c)).toEqual(['start', 'end', 'text', 'type']);
      expect(text.slice(c.start, c.end)).toBe(c.text);
    }
  });

  it('reads HTML as the content script does: visible text only, names across inline elements', () => {
    const html =
      '<html><head><title>Marta Ruiz</title><script>var a = "Tom Kessler";</script></head><body><p>Le maire, <b>Jean-Luc</b> Marchetti, a reçu Emmanuel Macron à Paris. Selon le Syndicat de la Lorne, la crue baisse depuis que la pluie a cessé.</p><p hidden>Tom Kessler</p></body></html>';
    const file = join(dir, 'a.html');
    writeFileSync(file, html);
    const out = run('--json', file);
    expect(out.status, out.stderr).toBe(0);
    const { candidates } = JSON.parse(out.stdout) as Output;
    const text = visibleText(html);
    expect(candidates.map((c) => c.text)).toEqual(['Jean-Luc Marchetti', 'Syndicat de la Lorne']);
    for (const c of candidates) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('takes the language from --lang', () => {
    const file = join(dir, 'b.txt');
    writeFileSync(file, 'Hier, Marta Ruiz a quitté Lindford.');
    const fr = JSON.parse(run('--json', '--lang', 'fr', file).stdout) as Output;
    expect(fr.candidates.map((c) => c.text)).toEqual(['Marta Ruiz', 'Lindford']);
  });

  it('prints a readable listing without --json', () => {
    const file = join(dir, 'c.txt');
    writeFileSync(file, 'Marta Ruiz met Tom Kessler in Lindford, and Ruiz said that the talks had been useful.');
    const out = run(file);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toContain('0-10\tMarta Ruiz\t(person)');
    expect(out.stdout).toContain('4 mention(s) of 4 unknown name(s), en');
  });

  it('exits 2 with a one-line error for a missing file, an unknown option, a wrong language, no file, or a language it cannot tell', () => {
    const file = join(dir, 'd.txt');
    writeFileSync(file, 'Marta Ruiz');
    for (const args of [[join(dir, 'missing.txt')], ['--json', join(dir, 'missing.html')], ['--frobnicate', file], ['--lang', 'de', file], [], [file]]) {
      const out = run(...args);
      expect(out.status, args.join(' ')).toBe(2);
      expect(out.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(out.stdout).toBe('');
    }
  });
});

// The annotate command, run as a user would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { visibleText } from '../../scripts/annotate';
import { ROOT } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'reperes-annotate-'));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/annotate.ts'), ...args], { encoding: 'utf8', cwd: ROOT });

describe('annotate', { timeout: 30_000 }, () => {
  it('prints the mentions of a text file as JSON, with UTF-16 offsets into the file', () => {
    const text = "Le chef de l'ISI a reçu à Kaboul l'envoyé Zamir Kaboulov.";
    const file = join(dir, 'a.txt');
    writeFileSync(file, text);
    const out = run('--json', file);
    expect(out.status).toBe(0);
    const { mentions } = JSON.parse(out.stdout) as {
      mentions: { start: number; end: number; text: string; entity: { id: string; type: string; name: { en: string; fr: string } } }[];
    };
    expect(mentions.map((m) => [m.text, m.entity.id, m.entity.type])).toEqual([
      ['ISI', 'isi', 'organization'],
      ['Kaboul', 'kabul', 'place'],
      ['Zamir Kaboulov', 'zamir-kabulov', 'person'],
    ]);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(mentions[1]!.entity.name).toEqual({ en: 'Kabul', fr: 'Kaboul' });
  });

  it('reads HTML as the content script does: visible text only, names across inline elements', () => {
    const html =
      '<html><head><title>Kabul</title><script>Kabul</script></head><body><p>Envoy <b>Zamir</b> Kabulov</p><textarea>Kabul</textarea><p hidden>Kabul</p></body></html>';
    expect(visibleText(html)).toBe('Envoy Zamir Kabulov');
    const file = join(dir, 'a.html');
    writeFileSync(file, html);
    const { mentions } = JSON.parse(run('--json', file).stdout) as { mentions: { start: number; end: number; text: string }[] };
    expect(mentions).toEqual([expect.objectContaining({ start: 6, end: 19, text: 'Zamir Kabulov' })]);
  });

  it('prints a readable listing without --json', () => {
    const file = join(dir, 'b.txt');
    writeFileSync(file, 'Mazar-e Charif');
    const out = run(file);
    expect(out.stdout).toContain('0-14\tMazar-e Charif\t→ Mazar-i-Sharif / Mazar-e Charif (place, mazar-i-sharif)');
  });

  it('exits 2 with a one-line error for a missing file, an unknown option, or no file', () => {
    for (const args of [[join(dir, 'missing.txt')], ['--frobnicate', join(dir, 'b.txt')], []]) {
      const out = run(...args);
      expect(out.status, args.join(' ')).toBe(2);
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
      expect(out.stdout).toBe('');
    }
  });
});

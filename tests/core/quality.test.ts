// Spotter quality on hand-annotated French and English news paragraphs
// (tests/fixtures/spotter-quality/, written for these tests). Each
// `[[surface|entity-id]]` is a mention that must be highlighted; everything
// else must not be. Each paragraph is a page of its own (short-form memory
// starts empty). A mention counts only with the exact span and entity.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageMemory } from '../../core/resolve';
import { spot } from '../../core/spotter';
import { projectIndex, ROOT } from '../helpers';

interface Expected {
  start: number;
  end: number;
  entity: string;
}

/** Strips the markup, returning the page text and the expected mentions. */
export function parseAnnotated(source: string): { text: string; expected: Expected[] } {
  const expected: Expected[] = [];
  let text = '';
  let last = 0;
  for (const m of source.matchAll(/\[\[([^|\]]+)\|([a-z0-9-]+)\]\]/g)) {
    text += source.slice(last, m.index);
    expected.push({ start: text.length, end: text.length + m[1]!.length, entity: m[2]! });
    text += m[1]!;
    last = m.index! + m[0].length;
  }
  return { text: text + source.slice(last), expected };
}

const index = projectIndex();

function evaluate(file: string) {
  const paragraphs = readFileSync(join(ROOT, 'tests/fixtures/spotter-quality', file), 'utf8').split(/^===$/m);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: string[] = [];
  for (const [p, source] of paragraphs.entries()) {
    const { text, expected } = parseAnnotated(source);
    const found = new PageMemory().resolve(spot(index, text)).flatMap((m) => (m ? [m] : []));
    const key = (m: Expected) => `${m.start}:${m.end}:${m.entity}`;
    const want = new Set(expected.map(key));
    const got = new Set(found.map(key));
    for (const m of found) {
      if (want.has(key(m))) tp++;
      else {
        fp++;
        errors.push(`P${p + 1} false: "${text.slice(m.start, m.end)}" → ${m.entity}`);
      }
    }
    for (const m of expected)
      if (!got.has(key(m))) {
        fn++;
        errors.push(`P${p + 1} missed: "${text.slice(m.start, m.end)}" (${m.entity})`);
      }
  }
  return { tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn), errors, paragraphs: paragraphs.length };
}

describe('spotter quality', () => {
  it('parses the annotation markup', () => {
    expect(parseAnnotated('Le chef de l’[[ISI|isi]] à [[Kaboul|kabul]].')).toEqual({
      text: 'Le chef de l’ISI à Kaboul.',
      expected: [
        { start: 13, end: 16, entity: 'isi' },
        { start: 19, end: 25, entity: 'kabul' },
      ],
    });
  });

  // The story's paragraphs (Afghanistan, 2021) and the world pack's (2024–2026 international news).
  it.each(['en.txt', 'fr.txt', 'world-en.txt', 'world-fr.txt'])('%s: recall ≥ 0.95 and precision ≥ 0.98', (file) => {
    const r = evaluate(file);
    expect(r.tp + r.fn, 'annotated mentions').toBeGreaterThan(150);
    // The errors are printed so a regression says what broke.
    if (process.env.QUALITY_REPORT || r.recall < 0.95 || r.precision < 0.98)
      console.log(`${file}: P=${r.precision.toFixed(3)} R=${r.recall.toFixed(3)}\n${r.errors.join('\n')}`);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.precision).toBeGreaterThanOrEqual(0.98);
  });
});

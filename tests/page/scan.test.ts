// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Mark } from '../../page/highlights';
import { scan, scanInSlices } from '../../page/scan';
import { compareRanges } from '../../page/shadow';
import { spotterEntries } from '../../core/compile';
import { buildIndex } from '../../core/spotter';
import { entity, projectIndex } from '../helpers';

const index = projectIndex();

describe('scan', () => {
  it('builds ranges over the page’s own text nodes, across inline elements, without changing the DOM', () => {
    document.body.innerHTML =
      "<article><p>L'envoyé russe <b>Zamir</b> Kabulov a parlé de Mazar-i-Sharif et de l'ISI.</p><p>Kabu\u00ADlov est revenu.</p></article>";
    const before = document.body.innerHTML;
    const marks = scan(document.body, index);
    expect(marks.map((m) => [m.range.toString(), m.entity, m.type])).toEqual([
      ['Zamir Kabulov', 'zamir-kabulov', 'person'],
      ['Mazar-i-Sharif', 'mazar-i-sharif', 'place'],
      ['ISI', 'isi', 'organization'],
      ['Kabu\u00ADlov', 'zamir-kabulov', 'person'],
    ]);
    expect(document.body.innerHTML).toBe(before);
  });

  it('finds a name split by a <wbr> or across inline elements, and skips text hidden by an attribute', () => {
    document.body.innerHTML = '<p>Mazar-i-<wbr>Sharif and <i>Hai</i><b>ratan</b></p><p hidden>Kabul</p>';
    expect(scan(document.body, index).map((m) => [m.range.toString(), m.entity])).toEqual([
      ['Mazar-i-Sharif', 'mazar-i-sharif'],
      ['Hairatan', 'hairatan'],
    ]);
  });

  it('scans in slices to the same marks, yielding between slices', async () => {
    document.body.innerHTML = Array.from({ length: 60 }, (_, i) => `<p>Paragraph ${i}: Zamir Kabulov met Imran Khan in Kabul.</p>`).join('');
    let yields = 0;
    const sliced = await scanInSlices(document.body, index, {
      budgetMs: 0,
      yieldToMain: async () => void yields++,
    });
    expect(sliced.marks.map((m) => m.range.toString())).toEqual(scan(document.body, index).map((m) => m.range.toString()));
    expect(sliced.marks).toHaveLength(180);
    expect(yields).toBeGreaterThan(50);
  });

  it('highlights a short form only after the full name appeared on the page', () => {
    document.body.innerHTML = '<p>Bajwa first.</p><p>General Qamar Javed Bajwa met them.</p><p>Then Bajwa left.</p>';
    expect(scan(document.body, index).map((m) => m.range.toString())).toEqual(['Qamar Javed Bajwa', 'Bajwa']);
  });
});

describe('names the rest of the page decides', () => {
  const world = buildIndex(
    spotterEntries([
      entity('georgia', 'place', [{ text: 'Georgia' }], { country: 'GE' }),
      entity('georgia-us-state', 'place', [{ text: 'Georgia' }], { country: 'US' }),
      entity('tbilisi', 'place', [{ text: 'Tbilisi' }], { country: 'GE', within: 'georgia' }),
    ]),
  );
  const page = '<h1>Georgia votes</h1><p>Queues formed early in Tbilisi.</p><p>Georgia counts the ballots.</p>';

  it('settles a headline’s namesake by a name further down, in reading order', () => {
    document.body.innerHTML = page;
    expect(scan(document.body, world).map((m) => [m.range.toString(), m.entity, m.how?.rule, m.how?.by])).toEqual([
      ['Georgia', 'georgia', 'context', 'tbilisi'],
      ['Tbilisi', 'tbilisi', undefined, undefined],
      ['Georgia', 'georgia', 'context', 'tbilisi'],
    ]);
  });

  it('does the same when the scan runs in slices, and paints the late mark too', async () => {
    document.body.innerHTML = page;
    const painted: string[] = [];
    const result = await scanInSlices(document.body, world, {
      yieldToMain: () => Promise.resolve(),
      onMarks: (marks) => painted.push(...marks.map((m) => m.entity)),
    });
    expect(result.marks.map((m) => [m.range.toString(), m.entity])).toEqual([
      ['Georgia', 'georgia'],
      ['Tbilisi', 'tbilisi'],
      ['Georgia', 'georgia'],
    ]);
    expect(painted.sort()).toEqual(['georgia', 'georgia', 'tbilisi']);
  });

  it('gives every mark in reading order, those settled last among the others (any page)', async () => {
    const sentences = ['Georgia votes.', 'Queues in Tbilisi.', 'Atlanta waits.', 'Nothing here.', 'Georgia and <b>Georgia</b> again.'];
    const inReadingOrder = (marks: Mark[]) => marks.slice().sort((a, b) => compareRanges(a.range, b.range));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...sentences), { minLength: 1, maxLength: 8 }), async (paragraphs) => {
        document.body.innerHTML = paragraphs.map((p) => `<p>${p}</p>`).join('');
        const marks = scan(document.body, world);
        expect(marks).toEqual(inReadingOrder(marks));
        const sliced = await scanInSlices(document.body, world, { yieldToMain: () => Promise.resolve(), budgetMs: 0 });
        expect(sliced.marks.map((m) => [m.range.startContainer, m.range.startOffset, m.entity])).toEqual(
          marks.map((m) => [m.range.startContainer, m.range.startOffset, m.entity]),
        );
      }),
      { numRuns: 100 },
    );
  });
});

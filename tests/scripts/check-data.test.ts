// data:check on small, deliberately broken datasets written to a temp folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkData, formatProblem } from '../../scripts/check-data';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const body = 'Zamir Kabulov spoke in Kabul. ' + 'The envoy spoke again about the region and its future. '.repeat(10);

function article(id: string, front: Record<string, string> = {}, text = body): string {
  const fields = { id, title: '"A title"', date: id.slice(0, 10), lang: 'en', source: 'Repères digest', summary: '"A summary."', ...front };
  return `---\n${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n${text}\n`;
}

const kabulov = {
  id: 'zamir-kabulov',
  type: 'person',
  name: { en: 'Zamir Kabulov', fr: 'Zamir Kaboulov' },
  description: { en: 'Envoy.', fr: 'Envoyé.' },
  aliases: [{ text: 'Zamir Kabulov' }],
};
const kabul = { id: 'kabul', type: 'place', name: { en: 'Kabul', fr: 'Kaboul' }, description: { en: 'City.', fr: 'Ville.' }, aliases: [{ text: 'Kabul' }] };

function dataset(opts: { entities?: unknown[] | string; articles?: Record<string, string>; countries?: unknown } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'reperes-data-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'entities'));
  mkdirSync(join(dir, 'articles'));
  const entities = opts.entities ?? [kabulov, kabul];
  writeFileSync(join(dir, 'entities', 'all.json'), typeof entities === 'string' ? entities : JSON.stringify(entities, null, 2));
  writeFileSync(join(dir, 'countries.json'), JSON.stringify(opts.countries ?? { countries: { AF: {} } }, null, 2));
  for (const [name, text] of Object.entries(opts.articles ?? { '2021-08-15-a.md': article('2021-08-15-a') })) writeFileSync(join(dir, 'articles', name), text);
  return dir;
}

const messages = (dir: string) => checkData(dir).problems.map(formatProblem);

describe('data:check', () => {
  it('passes a valid dataset and prints the summary line', () => {
    const result = checkData(dataset());
    expect(result.problems.filter((p) => p.level === 'error')).toEqual([]);
    // Two entities of the folder, and every country and territory of world-countries, generated.
    expect(result.summary).toMatch(/^articles: 1 \(fr: 0, en: 1\), entities: 252 \(person: 1, organization: 0, place: 251\), aliases: \d+$/);
  });

  it('names the file, line and field of an unknown field and a missing name', () => {
    const bad = [kabulov, { ...kabul, name: { en: 'Kabul' }, colour: 'red' }];
    const out = messages(dataset({ entities: bad }));
    expect(out).toContainEqual(expect.stringMatching(/^error: data\/entities\/all\.json:\d+: name\.fr: /));
    const lines = JSON.stringify(bad, null, 2).split('\n');
    const colourLine = lines.findIndex((l) => l.includes('"colour"')) + 1;
    expect(out).toContain(`error: data/entities/all.json:${colourLine}: colour: unknown field "colour"`);
  });

  it('reports malformed JSON with its line', () => {
    expect(messages(dataset({ entities: '[\n  {"id": "x",\n  }\n]' }))).toContainEqual(
      expect.stringMatching(/^error: data\/entities\/all\.json:3: not valid JSON/),
    );
  });

  it('rejects malformed, impossible and out-of-range dates, naming the line', () => {
    const out = messages(
      dataset({
        articles: {
          '2021-02-30-a.md': article('2021-02-30-a'),
          '2021-08-01-b.md': article('2021-08-01-b', { date: '1 August 2021' }),
          '2020-08-01-c.md': article('2020-08-01-c'),
        },
      }),
    );
    expect(out).toContainEqual('error: data/articles/2021-02-30-a.md:4: date: no such day in the calendar');
    expect(out).toContainEqual('error: data/articles/2021-08-01-b.md:4: date: dates are written YYYY-MM-DD');
    expect(out).toContainEqual('error: data/articles/2020-08-01-c.md:4: date: date 2020-08-01 is outside 2021-07-01 – 2021-12-31');
  });

  it('rejects an unknown front-matter field, a short body and an id that is not the file name', () => {
    const out = messages(
      dataset({
        articles: {
          '2021-08-15-a.md': article('2021-08-15-a', { author: 'me' }),
          '2021-08-16-b.md': article('2021-08-16-b', {}, 'Too short about Kabul.'),
          '2021-08-17-c.md': article('2021-08-17-other'),
        },
      }),
    );
    expect(out).toContain('error: data/articles/2021-08-15-a.md:8: author: unknown field "author"');
    expect(out).toContainEqual(expect.stringMatching(/^error: data\/articles\/2021-08-16-b\.md:\d+: body: the body has fewer than 80 words/));
    expect(out).toContainEqual(expect.stringMatching(/2021-08-17-c\.md:2: id: id "2021-08-17-other" does not match the file name/));
  });

  it('rejects duplicate ids, a full alias claimed by two people, and an unknown country code', () => {
    const out = messages(
      dataset({
        entities: [kabulov, kabul, { ...kabul, id: 'kabul' }, { ...kabulov, id: 'other', aliases: [{ text: 'Zamir  KABULOV' }] }],
        countries: { countries: { AF: {}, ZZ: {} } },
      }),
    );
    expect(out).toContain('error: data/entities: duplicate entity id "kabul"');
    expect(out).toContainEqual(expect.stringContaining('alias "Zamir  KABULOV" is claimed by two people, zamir-kabulov and other'));
    expect(out).toContainEqual(expect.stringMatching(/^error: data\/countries\.json:\d+: countries\.ZZ: unknown country code "ZZ"/));
  });

  it('warns, without failing, on an entity no article mentions and an article that mentions none', () => {
    const quiet = 'Nothing known is named here. '.repeat(20);
    const result = checkData(dataset({ articles: { '2021-08-15-a.md': article('2021-08-15-a', {}, quiet) } }));
    expect(result.problems.every((p) => p.level === 'warning')).toBe(true);
    expect(result.problems.map(formatProblem)).toContain('warning: data/entities: kabul: no article mentions it');
    expect(result.problems.map(formatProblem)).toContain('warning: data/articles/2021-08-15-a.md: mentions no known entity');
  });
});

// Guards the bundled dataset: sources valid, the seed's names present with
// the spellings readers meet, dates in range, every mention on an alias.
import { describe, expect, it } from 'vitest';
import { compileDataset } from '../../core/compile';
import { normalizeText } from '../../core/normalize';
import { projectSources } from '../helpers';

const { entities, articles } = projectSources();
const byId = new Map(entities.map((e) => [e.id, e]));

describe('dataset sources', () => {
  it('has the seed’s people, organisations and places', () => {
    const required = {
      person: ['faiz-hameed', 'qamar-javed-bajwa', 'gulbuddin-hekmatyar', 'zamir-kabulov'],
      organization: ['isi', 'hezb-e-islami', 'taliban', 'ria-novosti'],
      place: [
        'afghanistan', 'pakistan', 'russia', 'iran', 'china', 'kazakhstan', 'turkmenistan', 'uzbekistan', 'united-states',
        'united-kingdom', 'turkey', 'qatar', 'islamabad', 'mazar-i-sharif', 'hairatan', 'moscow', 'doha', 'central-asia',
      ],
    };
    for (const [type, ids] of Object.entries(required)) for (const id of ids) expect(byId.get(id)?.type, id).toBe(type);
  });

  it('knows the spellings readers meet', () => {
    const has = (id: string, alias: string) =>
      expect(byId.get(id)!.aliases.map((a) => normalizeText(a.text)), `${id}: ${alias}`).toContain(normalizeText(alias));
    has('gulbuddin-hekmatyar', 'Gulbaddin Hekmatyar');
    has('gulbuddin-hekmatyar', 'Gulbuddin Hekmatyar');
    has('hairatan', 'Heirtan');
    has('zamir-kabulov', 'Kaboulov');
    has('faiz-hameed', 'Faiz Hamid');
    has('mazar-i-sharif', 'Mazar-e Charif');
  });

  it('has the seed’s three articles, with their dates', () => {
    const dates = new Map(articles.map((a) => [a.id, a.date]));
    expect(dates.get('2021-09-11-islamabad-chefs-renseignement')).toBe('2021-09-11');
    expect(dates.get('2021-07-14-moscou-met-en-garde-les-talibans')).toBe('2021-07-14');
    expect(dates.get('2021-07-05-consulat-russe-mazar-i-sharif')).toBe('2021-07-05');
  });

  it('dates every article in 2021, and writes bodies of at least 80 words', () => {
    for (const a of articles) {
      expect(a.date >= '2021-01-01' && a.date <= '2021-12-31', a.id).toBe(true);
      expect(a.body.split(/\s+/).length, a.id).toBeGreaterThanOrEqual(80);
    }
  });

  it('marks every acronym of four letters or fewer as exact-case', () => {
    for (const e of entities)
      for (const a of e.aliases) if (/^[A-Z.]{2,5}$/.test(a.text)) expect(a.exact, `${e.id}: ${a.text}`).toBe(true);
  });

  it('compiles to mentions that all sit on an alias of their entity', () => {
    const dataset = compileDataset(entities, articles);
    for (const a of dataset.articles) {
      for (const m of dataset.mentions[a.id]!) {
        const surface = normalizeText(a.body.slice(m.start, m.end));
        const forms = byId.get(m.entity)!.aliases.flatMap((x) => [normalizeText(x.text), normalizeText(x.text) + 's']);
        expect(forms, `${a.id}: ${surface}`).toContain(surface);
      }
    }
    expect(dataset.articles.every((a) => dataset.mentions[a.id]!.length > 0)).toBe(true);
  });
});

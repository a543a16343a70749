// Guards the bundled dataset: every source valid, the entities readers need
// present under their names, the spellings readers meet, dates in range,
// mentions found on real aliases.
import { describe, expect, it } from 'vitest';
import { compileDataset } from '../../core/compile';
import { indexDataset } from '../../core/dataset-index';
import { normalizeText } from '../../core/normalize';
import { checkData, DATA_DIR } from '../../scripts/check-data';
import { projectSources } from '../helpers';

const { entities, articles, stopPhrases } = projectSources();
const dataset = compileDataset(entities, articles, stopPhrases);
const index = indexDataset(dataset);
const byId = new Map(entities.map((e) => [e.id, e]));
const byName = new Map(entities.map((e) => [e.name.en, e]));

const REQUIRED = {
  person: [
    'Faiz Hameed', 'Qamar Javed Bajwa', 'Gulbuddin Hekmatyar', 'Zamir Kabulov', 'Vladimir Putin', 'Sergey Lavrov', 'Imran Khan',
    'Shah Mahmood Qureshi', 'Ashraf Ghani', 'Hamid Karzai', 'Abdullah Abdullah', 'Abdul Ghani Baradar', 'Hibatullah Akhundzada',
    'Zabihullah Mujahid', 'Amir Khan Muttaqi', 'Sirajuddin Haqqani', 'Mohammad Hassan Akhund', 'Ahmad Massoud', 'Amrullah Saleh',
    'Joe Biden', 'Antony Blinken', 'Zalmay Khalilzad', 'Lloyd Austin', 'William Burns', 'Wang Yi', 'Xi Jinping', 'Ebrahim Raisi',
    'Shavkat Mirziyoyev', 'Emomali Rahmon', 'Kassym-Jomart Tokayev',
  ],
  organization: [
    'Taliban', 'Inter-Services Intelligence', 'Hezb-e-Islami', 'United Nations', 'NATO', 'Collective Security Treaty Organization',
    'Shanghai Cooperation Organisation', 'Islamic State – Khorasan Province', 'Al-Qaeda', 'Haqqani network', 'Central Intelligence Agency',
    'Secret Intelligence Service', 'RIA Novosti', 'National Resistance Front of Afghanistan', 'Tehrik-i-Taliban Pakistan', 'European Union',
  ],
  place: [
    'Afghanistan', 'Russia', 'Pakistan', 'Iran', 'China', 'Kazakhstan', 'Turkmenistan', 'Uzbekistan', 'Tajikistan', 'Kyrgyzstan',
    'United States', 'United Kingdom', 'Qatar', 'India', 'Turkey', 'United Arab Emirates', 'Kabul', 'Islamabad', 'Mazar-i-Sharif',
    'Hairatan', 'Doha', 'Moscow', 'Kandahar', 'Herat', 'Jalalabad', 'Kunduz', 'Panjshir', 'Tashkent', 'Dushanbe', 'Termez', 'Peshawar',
    'Beijing', 'Tehran', 'Ashgabat', 'Bagram', 'Washington', 'Central Asia',
  ],
} as const;

describe('the dataset', () => {
  it('passes data:check with no error', () => {
    const { problems, summary } = checkData(DATA_DIR);
    expect(problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(summary).toMatch(/^articles: \d+ \(fr: \d+, en: \d+\), entities: \d+ \(person: \d+, organization: \d+, place: \d+\), aliases: \d+$/);
  });

  it('has at least 80 articles, about half in each language, and 200 entities', () => {
    expect(articles.length).toBeGreaterThanOrEqual(80);
    const fr = articles.filter((a) => a.lang === 'fr').length;
    expect(Math.abs(fr - (articles.length - fr))).toBeLessThanOrEqual(articles.length * 0.2);
    expect(entities.length).toBeGreaterThanOrEqual(200);
  });

  it.each(Object.entries(REQUIRED))('has every required %s under its English name', (type, names) => {
    const missing = names.filter((n) => byName.get(n)?.type !== type);
    expect(missing).toEqual([]);
  });

  it('gives every entity English and French names and descriptions; places coordinates; people a role and nationality', () => {
    for (const e of entities) {
      expect(e.name.en && e.name.fr && e.description.en && e.description.fr, e.id).toBeTruthy();
      if (e.type === 'place') expect(e.coords, e.id).toHaveLength(2);
    }
    const people = entities.filter((e) => e.type === 'person');
    const withRole = people.filter((e) => e.role && e.nationality).length;
    expect(withRole / people.length).toBeGreaterThan(0.95);
  });

  it('knows the spellings readers meet', () => {
    const has = (id: string, alias: string) =>
      expect(byId.get(id)!.aliases.map((a) => normalizeText(a.text)), `${id}: ${alias}`).toContain(normalizeText(alias));
    has('gulbuddin-hekmatyar', 'Gulbaddin Hekmatyar');
    has('gulbuddin-hekmatyar', 'Hikmatyar');
    has('hairatan', 'Heirtan');
    has('zamir-kabulov', 'Kaboulov');
    has('faiz-hameed', 'Faiz Hamid');
    has('mazar-i-sharif', 'Mazar-e Charif');
    has('mazar-i-sharif', 'Mazar-e-Sharif');
    has('isi', 'ISI');
    has('united-nations', 'ONU');
    has('nato', 'OTAN');
  });

  it('has the seed’s three articles, with their dates', () => {
    const dates = new Map(articles.map((a) => [a.id, a.date]));
    expect(dates.get('2021-09-11-islamabad-chefs-renseignement')).toBe('2021-09-11');
    expect(dates.get('2021-07-14-moscou-met-en-garde-les-talibans')).toBe('2021-07-14');
    expect(dates.get('2021-07-05-consulat-russe-mazar-i-sharif')).toBe('2021-07-05');
  });

  it('dates every article from July to December 2021, with a body of at least 80 words', () => {
    for (const a of articles) {
      expect(a.date >= '2021-07-01' && a.date <= '2021-12-31', a.id).toBe(true);
      expect(a.body.split(/\s+/).length, a.id).toBeGreaterThanOrEqual(80);
    }
  });

  it('decides the case rule of every all-caps alias of five letters or fewer (exact unless it is no word: TASS)', () => {
    for (const e of entities) for (const a of e.aliases) if (/^[A-Z.]{2,5}$/.test(a.text)) expect(a.exact, `${e.id}: ${a.text}`).toBeTypeOf('boolean');
  });

  it('compiles mentions that all sit on an alias of their entity, and every article mentions entities', () => {
    for (const [entity, postings] of Object.entries(dataset.postings)) {
      const forms = byId.get(entity)!.aliases.flatMap((x) => [normalizeText(x.text), `${normalizeText(x.text)}s`]);
      for (const p of postings) {
        const surface = normalizeText(index.article.get(p.article)!.body.slice(p.start, p.end));
        expect(forms, `${p.article}: ${surface}`).toContain(surface);
      }
    }
    for (const a of articles) expect(index.entitiesOf.get(a.id)!.size, a.id).toBeGreaterThanOrEqual(3);
  });

  it('lists postings newest first and co-occurrences that agree both ways', () => {
    for (const postings of Object.values(dataset.postings)) {
      const dates = postings.map((p) => index.article.get(p.article)!.date);
      expect(dates).toEqual([...dates].sort().reverse());
    }
    const [a, rows] = Object.entries(dataset.cooccurrence)[0]!;
    const [b, n] = rows[0]!;
    const shared = index.articlesOf.get(a)!.filter((id) => index.entitiesOf.get(id)!.has(b)).length;
    expect(n).toBe(shared);
  });
});

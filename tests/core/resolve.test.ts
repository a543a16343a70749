// The page decides: namesakes by context, far larger namesakes when the page
// is silent, place names that are also words, and known names inside longer
// unknown names. A small hand-made world, so each rule is seen alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spotterEntries } from '../../core/compile';
import { DOMINANT_RATIO, PageMemory, support } from '../../core/resolve';
import { buildIndex, spot } from '../../core/spotter';
import { entity, projectIndex } from '../helpers';

const world = [
  entity('united-states', 'place', [{ text: 'United States' }, { text: 'US', exact: true }], { country: 'US' }),
  entity('georgia', 'place', [{ text: 'Georgia' }], { country: 'GE', neighbours: ['RU', 'TR', 'AM', 'AZ'] }),
  entity('russia', 'place', [{ text: 'Russia' }], { country: 'RU' }),
  entity('pentagon', 'organization', [{ text: 'Pentagon' }], { country: 'US' }),
  entity('donald-trump', 'person', [{ text: 'Donald Trump' }], { nationality: 'US' }),
  entity('canada', 'place', [{ text: 'Canada' }], { country: 'CA' }),
  entity('hamilton-ca', 'place', [{ text: 'Hamilton', common: true }], { country: 'CA', within: 'canada', population: 570_000 }),
  entity('hamilton-bm', 'place', [{ text: 'Hamilton' }], { country: 'BM', population: 1_000 }),
  entity('georgia-us-state', 'place', [{ text: 'Georgia' }], { country: 'US' }),
  entity('tbilisi', 'place', [{ text: 'Tbilisi' }], { country: 'GE', within: 'georgia', population: 1_000_000 }),
  entity('atlanta', 'place', [{ text: 'Atlanta', common: true }], { country: 'US', within: 'georgia-us-state', population: 500_000 }),
  entity('india', 'place', [{ text: 'India' }], { country: 'IN' }),
  entity('pakistan', 'place', [{ text: 'Pakistan' }], { country: 'PK' }),
  entity('hyderabad-in', 'place', [{ text: 'Hyderabad' }], { country: 'IN', within: 'india', population: 3_600_000 }),
  entity('hyderabad-pk', 'place', [{ text: 'Hyderabad' }], { country: 'PK', within: 'pakistan', population: 1_400_000 }),
  entity('london', 'place', [{ text: 'London' }], { country: 'GB', population: 7_500_000 }),
  entity('london-ca', 'place', [{ text: 'London' }], { country: 'CA', population: 350_000 }),
  entity('press-trust-of-india', 'organization', [{ text: 'PTI', exact: true }], { country: 'IN' }),
  entity('pti', 'organization', [{ text: 'PTI', exact: true }, { text: 'Pakistan Tehreek-e-Insaf' }], { country: 'PK' }),
  entity('imran-khan', 'person', [{ text: 'Imran Khan' }], { nationality: 'PK' }),
  entity('france', 'place', [{ text: 'France' }], { country: 'FR' }),
  entity('nice', 'place', [{ text: 'Nice', exact: true, common: true }], { country: 'FR', within: 'france', population: 340_000 }),
  entity('emmanuel-macron', 'person', [{ text: 'Emmanuel Macron' }, { text: 'Macron', short: true }], { nationality: 'FR' }),
  entity('lloyd-austin', 'person', [{ text: 'Lloyd Austin' }, { text: 'Austin', short: true }], { nationality: 'US' }),
  entity('austin', 'place', [{ text: 'Austin', common: true }], { country: 'US', population: 960_000 }),
  entity('china', 'place', [{ text: 'China' }], { country: 'CN' }),
  entity('kyiv', 'place', [{ text: 'Kyiv' }], { country: 'UA', population: 2_800_000 }),
  entity('keir-starmer', 'person', [{ text: 'Keir Starmer' }], { nationality: 'GB' }),
  entity('tehran', 'place', [{ text: 'Tehran' }], { country: 'IR', population: 8_000_000 }),
  entity('paris', 'place', [{ text: 'Paris' }], { country: 'FR', population: 2_100_000 }),
  entity('south-korea', 'place', [{ text: 'South Korea' }], { country: 'KR' }),
  entity('yoon-suk-yeol', 'person', [{ text: 'Yoon Suk Yeol' }], { nationality: 'KR' }),
  entity('andhra-pradesh', 'place', [{ text: 'Andhra Pradesh' }], { country: 'IN' }),
  entity('xinjiang', 'place', [{ text: 'Xinjiang' }], { country: 'CN' }),
  entity('the-times', 'organization', [{ text: 'The Times', exact: true }], { country: 'GB' }),
  entity('rapid-support-forces', 'organization', [{ text: 'Rapid Support Forces' }], { country: 'SD' }),
  entity('hemedti', 'person', [{ text: 'Mohamed Hamdan Dagalo' }], { nationality: 'SD' }),
];
const index = buildIndex(spotterEntries(world));

/** "text=entity" for each highlighted match, in order, as one page. */
const page = (text: string) => new PageMemory().resolve(spot(index, text)).flatMap((m) => (m ? [`${text.slice(m.start, m.end)}=${m.entity}`] : []));

describe('namesakes, decided by the page', () => {
  it.each([
    ['Protests spread from Atlanta across Georgia.', ['Atlanta=atlanta', 'Georgia=georgia-us-state']],
    ["Georgia's capital, Tbilisi, saw protests.", ['Georgia=georgia', 'Tbilisi=tbilisi']],
    ['Voters in Georgia went to the polls.', []],
    ['The United States and Georgia signed a deal.', ['United States=united-states', 'Georgia=georgia-us-state']],
    ['Hyderabad police in India said.', ['Hyderabad=hyderabad-in', 'India=india']],
    ['Floods in Hyderabad, Pakistan.', ['Hyderabad=hyderabad-pk', 'Pakistan=pakistan']],
    ['PTI reported from India.', ['PTI=press-trust-of-india', 'India=india']],
    ["Imran Khan's PTI marched.", ['Imran Khan=imran-khan', 'PTI=pti']],
    ['PTI said nothing more.', []],
  ])('%s', (text, expected) => {
    expect(page(text)).toEqual(expected);
  });

  it('counts country-wide evidence once, and a neighbour for a country', () => {
    // The United States, its president and the Pentagon say little about which Georgia; Russia speaks for the country as much.
    expect(page('Donald Trump, the Pentagon and the United States met Russia over Georgia.')).not.toContain('Georgia=georgia-us-state');
    expect(page('Donald Trump, the Pentagon and the United States met Russia over Georgia.')).not.toContain('Georgia=georgia');
    expect(page('Russia massed troops near Georgia.')).toContain('Georgia=georgia');
  });

  it('lets no namesake win where a word-like name the page supports cannot be taken', () => {
    // Each city on its own line, as in a site's menu: the page is Canadian, the line starts with the name.
    const memory = new PageMemory();
    memory.resolve(spot(index, 'Canada'));
    expect(memory.resolve(spot(index, 'Hamilton'))).toEqual([null]);
    expect(page('Police in Canada said Hamilton was calm.')).toEqual(['Canada=canada', 'Hamilton=hamilton-ca']);
  });

  it('takes a far larger namesake when the page is silent, and none when neither dominates', () => {
    expect(page('He flew to London.')).toEqual(['London=london']);
    // 3.6 M against 1.4 M is not DOMINANT_RATIO times.
    expect(3_600_000 / 1_400_000).toBeLessThan(DOMINANT_RATIO);
    expect(page('He flew to Hyderabad.')).toEqual([]);
  });

  it('says which namesakes were passed over, and why', () => {
    const text = 'Tbilisi said Georgia would apply.';
    const resolved = new PageMemory().resolve(spot(index, text));
    expect(resolved[1]).toMatchObject({ entity: 'georgia', how: { rule: 'context', by: 'tbilisi', others: ['georgia-us-state'] } });
    const london = new PageMemory().resolve(spot(index, 'London'))[0];
    expect(london).toMatchObject({ entity: 'london', how: { rule: 'prominence', others: ['london-ca'] } });
    // A match with one candidate has no namesakes to offer, and nothing to explain.
    expect(new PageMemory().resolve(spot(index, 'Tbilisi'))[0]).not.toHaveProperty('how');
  });

  it('says how each match was made: a short form after the full name, a form in its exact case, a name in full', () => {
    const project = projectIndex();
    const text = 'Mullah Hibatullah spoke. Hibatullah said the UN would help Kabul.';
    const found = new PageMemory().resolve(spot(project, text)).map((m) => m && [text.slice(m.start, m.end), m.entity, m.how?.rule]);
    expect(found).toEqual([
      ['Mullah Hibatullah', 'hibatullah-akhundzada', undefined],
      ['Hibatullah', 'hibatullah-akhundzada', 'short'],
      ['UN', 'united-nations', 'exact'],
      ['Kabul', 'kabul', undefined],
    ]);
  });

  it('remembers context from earlier blocks of the same page', () => {
    const memory = new PageMemory();
    memory.resolve(spot(index, 'A report from Tbilisi.'));
    expect(memory.resolve(spot(index, 'Georgia replied.'))[0]?.entity).toBe('georgia');
  });
});

describe('place names that are also words or first names', () => {
  it.each([
    ['In Nice, Emmanuel Macron spoke.', ['Nice=nice', 'Emmanuel Macron=emmanuel-macron']],
    ['Nice weather in France today.', ['France=france']],
    ['What a nice day in France.', ['France=france']],
    ['In Nice, the mayor spoke.', []],
    ['Lloyd Austin landed. Austin said the visit went well.', ['Lloyd Austin=lloyd-austin', 'Austin=lloyd-austin']],
    ['Flights to Austin from the United States resumed.', ['Austin=austin', 'United States=united-states']],
  ])('%s', (text, expected) => {
    expect(page(text)).toEqual(expected);
  });
});

describe('a known name inside a longer name it does not know', () => {
  it.each([
    ['The Pakistan Air Force flew.', []],
    ['She flew China Airlines to Kyiv.', ['Kyiv=kyiv']],
    ['The Kyiv School of Economics said.', []],
    ['Pakistan Prime Minister Shehbaz Sharif spoke.', ['Pakistan=pakistan']],
    ['The UK Government and Pakistan Foreign Office met.', ['Pakistan=pakistan']],
    ['Trade between Pakistan China and India grew.', ['Pakistan=pakistan', 'China=china', 'India=india']],
    // A headline says nothing by its capitals.
    ['Pakistan Hails New Trade Deal With China', ['Pakistan=pakistan', 'China=china']],
    ['Afghanistan-Pakistan border: Pakistan closes crossings.', ['Pakistan=pakistan', 'Pakistan=pakistan']],
    ['She studied at the University of Tehran before the war.', []],
    ['The Times of India reported it first.', []],
    ['He met Chinese officials in Paris Monday.', ['Paris=paris']],
    ['President Yoon Suk Yeol of South Korea declared martial law.', ['Yoon Suk Yeol=yoon-suk-yeol', 'South Korea=south-korea']],
    ['Allies such as the Telugu Desam Party of Andhra Pradesh backed him.', ['Andhra Pradesh=andhra-pradesh']],
    [
      'The war pits the army against the Rapid Support Forces of Mohamed Hamdan Dagalo.',
      ['Rapid Support Forces=rapid-support-forces', 'Mohamed Hamdan Dagalo=hemedti'],
    ],
    ['La répression vise les Ouïghours du Xinjiang depuis des années.', ['Xinjiang=xinjiang']],
    ['President of Pakistan and the Republic of India met.', ['Pakistan=pakistan', 'India=india']],
  ])('%s', (text, expected) => {
    expect(page(text)).toEqual(expected);
  });
});

describe('support', () => {
  it('counts a place inside or around twice as much as one of the same country, never the candidate itself', () => {
    const c = { entity: 'georgia-us-state', type: 'place' as const, short: false, cc: 'US' };
    expect(support(c, [{ entity: 'atlanta', cc: 'US', within: 'georgia-us-state' }])).toBe(3);
    expect(support(c, [{ entity: 'united-states', cc: 'US' }])).toBe(1);
    expect(support(c, [{ entity: 'georgia-us-state', cc: 'US' }])).toBe(0);
    expect(support(c, [{ entity: 'tbilisi', cc: 'GE', within: 'georgia' }])).toBe(0);
  });

  it('never chooses a namesake the page gives less support than another (property)', () => {
    const names = ['atlanta', 'tbilisi', 'united-states', 'france', 'india'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...names), { maxLength: 6 }), (picked) => {
        const text = `${picked.map((n) => world.find((e) => e.id === n)!.aliases[0]!.text).join(', ')}; Georgia voted.`;
        const resolved = new PageMemory().resolve(spot(index, text));
        const georgia = resolved.at(-1);
        // Each name on the page counts once, however often it is repeated.
        const on = new Set(picked);
        // Country-wide evidence counts once, however many names carry it.
        const state = (on.has('atlanta') ? 2 : 0) + (on.has('atlanta') || on.has('united-states') ? 1 : 0);
        const country = on.has('tbilisi') ? 3 : 0;
        if (state > country) expect(georgia?.entity).toBe('georgia-us-state');
        else if (country > state) expect(georgia?.entity).toBe('georgia');
        else expect(georgia).toBeNull();
      }),
    );
  });
});

describe('a sentence-initial match', () => {
  const place = (entity: string, pop: number, common: boolean) => ({ entity, type: 'place' as const, short: false, pop, ...(common ? { common } : {}) });
  const at = (candidates: ReturnType<typeof place>[]) => [{ start: 0, end: 4, candidates, initial: true }];

  it('takes no word-like name, whatever its namesakes', () => {
    expect(new PageMemory().resolve(at([place('a', 1000, true), place('b', 1, true)]))).toEqual([null]);
  });

  it('still takes a namesake that is not word-like', () => {
    const [m] = new PageMemory().resolve(at([place('a', 1, true), place('b', 1000, false)]));
    expect(m?.entity).toBe('b');
    expect(m?.how?.rule).toBe('prominence');
  });
});

describe('PageMemory on long pages', () => {
  /**
   * The memory as first written: every name the page has named is looked
   * at for each match. The shipped one looks only at those that can weigh
   * (the names in or around a candidate, the first of its country and of
   * each neighbour); it must decide the same, and cite the same name.
   */
  class EveryName extends PageMemory {}
  Object.defineProperty(EveryName.prototype, 'namesFor', {
    // `others`: the block's names the page has not named before, but the match's own.
    value: function (this: { named: Map<string, { name: unknown }> }, _c: unknown, own: ReadonlySet<string>, others: readonly unknown[]) {
      return [...[...this.named].filter(([entity]) => !own.has(entity)).map(([, v]) => v.name), ...others];
    },
  });

  const codes = ['US', 'GE', 'FR', 'IN', 'PK'];
  const candidate = fc.record(
    {
      entity: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
      type: fc.constant('place' as const),
      short: fc.boolean(),
      common: fc.boolean(),
      cc: fc.constantFrom(...codes),
      within: fc.constantFrom('a', 'b', 'c', 'd'),
      pop: fc.integer({ min: 1, max: 1000 }),
      near: fc.subarray(codes),
    },
    { requiredKeys: ['entity', 'type', 'short'] },
  );
  const match = fc.record({
    start: fc.constant(0),
    end: fc.constant(1),
    candidates: fc.array(candidate, { minLength: 1, maxLength: 3 }),
    initial: fc.boolean(),
  });

  it('decides as if it weighed every name the page has named', () => {
    fc.assert(
      fc.property(fc.array(fc.array(match, { maxLength: 6 }), { maxLength: 12 }), (blocks) => {
        const fast = new PageMemory();
        const slow = new EveryName();
        for (const block of blocks) expect(fast.resolve(block)).toEqual(slow.resolve(block));
        for (const block of blocks) for (const m of block) expect(fast.settle(m)).toEqual(slow.settle(m));
      }),
      { numRuns: 500 },
    );
  });
});

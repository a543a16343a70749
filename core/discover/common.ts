// What the English and French finders share: the candidate's shape, how
// sure a type guess is, lines set in capitals, and the page-level pass that
// gives every occurrence of a name the type its best-supported occurrence has.

export type NameType = 'person' | 'organization' | 'place';

/** A proper name found on the page that no known entity answers to. */
export interface Candidate {
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
  text: string;
  type: NameType;
}

/**
 * How sure a finder is of a type: a default when nothing on the page says
 * anything, a weak cue (a preposition, a tag from a statistical tagger) or a
 * strong one (a title before the name, a word such as "Université" in it).
 */
export const Cue = { None: 0, Weak: 1, Strong: 2 } as const;
export type Cue = (typeof Cue)[keyof typeof Cue];

export interface Found extends Candidate {
  cue: Cue;
}

/** Ranges of lines set wholly in capitals (headlines, kickers): their words say nothing about names. */
export function capitalLines(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const line = /[^\n\u2028\u2029]+/g;
  for (const m of text.matchAll(line)) {
    const letters = m[0].match(/\p{L}/gu) ?? [];
    const upper = m[0].match(/\p{Lu}/gu) ?? [];
    // Two words in capitals at least: a lone acronym on its line is still a name.
    const words = m[0].match(/\p{Lu}{2,}/gu) ?? [];
    if (words.length >= 2 && letters.length > 0 && upper.length === letters.length) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

export function inRanges(ranges: readonly [number, number][], start: number, end: number): boolean {
  return ranges.some(([s, e]) => start < e && end > s);
}

/** Last words of companies' names, in either language ("Tamani Records", "Vinet Construction"). */
export const COMPANY_WORDS: ReadonlySet<string> = new Set(
  `sa sas sarl inc ltd llc plc gmbh ag nv bv spa srl group holding holdings industries technologies consulting partners records
  games studios media capital ventures labs construction logistics marine shipping energy systems software pharma
  biotech motors airlines airways foods info infos actu presse médias tv fm hebdo magazine`.split(/\s+/),
);

/**
 * Ministries' portfolios and other generic nouns the press capitalises
 * ("ministère des Affaires étrangères", "Ministry of Information and
 * Culture"): alone, they name nothing one would add.
 */
export const PORTFOLIOS: ReadonlySet<string> = new Set(
  `affairs defence defense security interior justice finance finances health education culture information commerce trade
  industry agriculture transport transports energy environment foreign home labour labor tourism development planning
  housing communications affaires défense defense sécurité securite intérieur interieur santé sante éducation education
  industrie énergie energie environnement travail tourisme développement developpement logement armées armees réfugiés
  refugies rapatriés rapatries économie economie budget outre-mer solidarités solidarites sports jeunesse recherche`.split(/\s+/),
);

/** Endings of abstract common nouns ("Prévention", "Security", "Promotion"): alone, such a word is rarely a name. */
export const ABSTRACT_ENDING = /(?:tion|tions|sion|sions|ity|ité|ités|ness|ism|isme|ment|ments)$/u;

/** A word whose last hyphenated part is a number: a model or a disease ("Il-76", "C-17", "Covid-19"). */
export const MODEL_NUMBER = /^\p{L}+(?:-\p{L}+)*-\d+$/u;

/** A place's shape: "Saint-Aubin-sur-Lorne", "Montluel-les-Prés", "Villefranche-d'Aveyron", "Lac-aux-Sables". */
export const PLACE_FORM = /^(?:saint|sainte|st|ste|port|mont|lac|val|villeneuve|ville)-|-(?:sur|sous|lès|les|lez|le|la|en|de|des|du|d['’]|aux|au|et)-|-d['’]/iu;

/** Case and accents folded, for comparing names. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A word with a capital and no small letter, as acronyms are written ("ONU", "M23"). */
export function isAllCaps(word: string): boolean {
  return /\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word);
}

/** Roman numerals are written in capitals but name nothing ("XIV", "II"). */
export function isRomanNumeral(word: string): boolean {
  return /^[IVXLCDM]+$/.test(word) && /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(word);
}

/** Particles after which the end of a name may be a place of its own: "Société des pêcheurs de Kayar". */
const PARTICLES = new Set(['de', 'du', 'des', "d'", 'la', "l'", 'of', 'the']);

/** The words of a name, split on spaces, folded. */
function wordsOf(text: string): string[] {
  return fold(text)
    .split(/[\s\u00A0\u202F]+/)
    .filter(Boolean);
}

/**
 * The page decides what the finders could not: every occurrence of a name
 * takes the type its best-supported occurrences give it, and a name that is
 * the end of a longer one on the page ("Kessler" after "Tom Kessler",
 * "Bellerive" after "Groupe Bellerive") takes the longer one's type unless
 * it has a strong cue of its own.
 */
export function harmonise(found: Found[]): Candidate[] {
  const score = new Map<string, Map<NameType, number>>();
  const key = (f: Found) => fold(f.text);
  for (const f of found) {
    const k = key(f);
    const byType = score.get(k) ?? new Map<NameType, number>();
    // A default guess weighs a little, so that it decides only when nothing else does.
    byType.set(f.type, (byType.get(f.type) ?? 0) + (f.cue === Cue.None ? 0.1 : f.cue));
    score.set(k, byType);
  }
  const best = new Map<string, { type: NameType; weight: number }>();
  for (const [k, byType] of score) {
    let top: { type: NameType; weight: number } | undefined;
    for (const [type, weight] of byType) if (!top || weight > top.weight) top = { type, weight };
    if (top) best.set(k, top);
  }
  // Longer names, by their last words ("tom kessler" gives "kessler"), and
  // people's names by any word ("Lau" of "Vincent Lau Ka-ming"). After a
  // particle, only a person's name speaks: "Arnaud de Villeroy" gives "de
  // Villeroy", but "Kayar" of "Société des pêcheurs de Kayar" is a place.
  const longer = new Map<string, { type: NameType; weight: number }>();
  const offer = (name: string, own: { type: NameType; weight: number }) => {
    const seen = longer.get(name);
    if (!seen || own.weight > seen.weight) longer.set(name, own);
  };
  for (const f of found) {
    const words = wordsOf(f.text);
    if (words.length < 2) continue;
    const own = best.get(key(f));
    if (!own) continue;
    for (let i = 1; i < words.length; i++) {
      const afterParticle = PARTICLES.has(words[i - 1]!) || words[i - 1]!.endsWith("'");
      if (!afterParticle || own.type === 'person') offer(words.slice(i).join(' '), own);
    }
    if (own.type === 'person')
      for (const w of words.slice(0, -1)) if (!PARTICLES.has(w) && !longer.has(w)) offer(w, { ...own, weight: Math.min(own.weight, Cue.Weak) });
    // A company's first word is its short name ("Larkspur" of "Larkspur Games"), but says less than any cue of its own.
    if (own.type === 'organization' && !longer.has(words[0]!)) offer(words[0]!, { ...own, weight: Math.min(own.weight, 0.5) });
  }
  return found.map((f) => {
    const k = key(f);
    let chosen = best.get(k)!;
    const fromLonger = longer.get(k);
    if (fromLonger && chosen.weight < Cue.Strong && fromLonger.weight >= chosen.weight) chosen = fromLonger;
    return { start: f.start, end: f.end, text: f.text, type: chosen.type };
  });
}

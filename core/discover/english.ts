// Proper names in English text, found with compromise (a rule-based English
// tagger that runs in the browser): its part-of-speech tags say which
// capitalised words are proper nouns, dates, demonyms or titles, even at
// the start of a sentence, and its person, place and organisation tags are
// one of the cues for a name's type. Its own `people()`, `places()` and
// `organizations()` spans are not taken as they come: they carry commas and
// possessives, split names compromise does not know ("Marta" of "Marta
// Ruiz") and miss most names it has no word for. Instead, names are runs of
// its proper nouns, cleaned here. The tags those selections read (#Person,
// #Place, #Organization) come from its tagger, so the smaller
// `compromise/two` build is enough (`/three` adds the selections and other
// transforms on top):
//
// - joined across hyphens ("Diallo-Frost", "al-Haddad", "Ka-ming"), across
//   particles ("Omar bin Salem", "van den Broeck"), across "of" after an
//   institution or a feature ("Holloway Museum of Rail", "Isle of Skye"),
//   and across a possessive inside a name ("Hobb's Hill");
// - a possessive at the end is cut ("Ruiz's" → "Ruiz"), as is "-based" or
//   "-led" after a name;
// - titles are dropped and make the rest a person's ("Mayor Kessler",
//   "Detective Inspector Sarah Quigley"); a title alone is no name;
// - dropped: months, weekdays, holidays, demonyms (compromise's tag, a list,
//   and endings such as "-ian" or "-ese" on a single word), a few nouns
//   written with a capital ("Government", "Parliament"), lines set in
//   capitals (headlines), a generic word alone ("Assembly", "Security",
//   "Prevention"), a model or a disease ("C-17", "Covid-19"), and a single
//   word compromise knows as a common word, unless it tags it a name or the
//   page has it in a longer name. A sentence's first word, which compromise
//   tags as it would in lower case, counts when the page writes the same word
//   as a name mid-sentence ("Vasconcelos denies…" after "Rodrigo Amaral
//   Vasconcelos").
//
// The type, strongest cue first: a word of the name (University, Holdings,
// Gazette: an organisation; Lane, Island, Port, "Saint-Avold": a place); an
// acronym; a title (a person); the noun just before it ("the logistics group
// Transportes Serra Azul"), in an apposition after it ("Hydrova, a Dutch
// firm") or before "of" ("the town of Lindford"); a first name (a person);
// compromise's person, place and organisation tags; a preposition of place
// before it. Otherwise two words or more make a person, and one a place.

import nlp from 'compromise/two';
import {
  ABSTRACT_ENDING,
  capitalLines,
  COMPANY_WORDS,
  Cue,
  fold,
  inRanges,
  isAllCaps,
  isRomanNumeral,
  PLACE_FORM,
  PORTFOLIOS,
  type Found,
  type NameType,
} from './common';
import { isListedDemonym } from './demonyms';
import { isFirstName } from './first-names';

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** What this module reads of compromise's JSON output (its type there is `any`). */
interface Term {
  text: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}
interface Sentence {
  terms: Term[];
}

const TITLES = words(`mr mrs ms miss mx sir dame lord lady dr prof professor president vice prime minister secretary senator
  governor general colonel major lieutenant sergeant corporal captain commander admiral inspector detective superintendent
  constable officer sheriff marshal chancellor premier king queen prince princess emperor empress pope bishop archbishop
  cardinal rev reverend father sister imam sheikh rabbi chairman chairwoman chair director ambassador commissioner
  councillor councilor mp deputy speaker coach chief justice judge mayor agent emir sultan crown acting st`);

/** Nouns written with a capital that name nothing here. */
const CAPITALISED_NOUNS = words(`government parliament senate cabinet police army navy state states god internet web christmas easter
  ramadan eid hanukkah diwali thanksgiving halloween passover lent advent covid covid-19 brexit north south east west
  northern southern eastern western central islam bible koran quran today tonight tomorrow yesterday new year`);

/** Acronyms that name no organisation. */
const NOT_ACRONYMS = words(`ceo cfo coo cto gdp phd tv ok mp ai dna hiv aids covid co2 lgbt lgbtq ngo ngos suv gmt utc bc ad am pm fm
  usd eur gbp id it pr hr vip diy faq pdf url usb gps iq icu er rip ps cv rsvp atm vat ipo pdg pme ong tva pib smic`);

const MONTHS_AND_DAYS = words(`january february march april may june july august september october november december jan feb mar apr
  jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday`);

/** Endings of demonyms, on a single word: "Tanzanian", "Lebanese", "Danish", "Kenyans". */
const DEMONYM_ENDING = /(?:ian|ians|ean|eans|ese|ish|ans)$/;

/** Particles between the words of one name. */
const PARTICLES = words('de du des da do dos das di del della van von der den ter ten bin ibn ben abu al el ould la le y');
/** Lower-case prefixes joined by a hyphen to a capitalised word: "al-Haddad". */
const HYPHEN_PREFIXES = words('al el ad ag an ar as ash at az ben bin ibn abu');
/** After a hyphen, words that end the name before them: "Harrowfield-based". */
const HYPHEN_SUFFIXES = words(`based led backed born owned run made style era bound wide funded linked controlled held friendly
  affiliated speaking like type area region backed allied aligned`);

/** Words that make a name an organisation's, wherever they stand in it. */
const ORG_WORDS = words(`company co corp corporation inc incorporated ltd llc plc gmbh ag sa group holdings partners capital
  energy biotech pharma pharmaceuticals foundation institute university college school academy museum hospital clinic
  bank council trust association society union league federation party commission committee authority agency office
  board cooperative co-operative centre center lines airlines airways motors industries technologies systems media
  press gazette times post herald tribune journal chronicle news radio tv television bureau ministry department court
  club fc network alliance front movement church services solutions labs laboratory laboratories logistics hotel
  aid fund charity orchestra theatre theater library cathedral mosque temple brigade army navy games records studio
  studios entertainment software films pictures music publishing books marine shipping construction foods farms
  works ventures consulting insurance mining steel electric telecom assembly corps forces retail renewables`);
/** Words that open an organisation's name. */
const ORG_FIRST = words('daily radio bank university museum ministry department institute college club studio');
/** Last words of places' names. */
const PLACE_LAST = words(`street st road rd lane avenue ave square bridge hill hills island islands isle point head bay river lake
  mountain mountains valley beach coast park heights falls springs harbour harbor forest desert creek canyon peninsula
  province county district region village town gardens green common estate moor fell glen strait sound`);
/** First words of places' names. */
const PLACE_FIRST = words('port fort mount lake cape wadi tell tel jebel jabal ras khor qasr umm bir ain kafr deir isle glen loch');
/** Institutions and features that take "of": "University of Valcourt", "Isle of Skye". */
const OF_HEADS = words(`museum university bank institute school college ministry department council society association union
  federation church cathedral bay gulf isle island lake mount port republic kingdom court office board league party
  academy centre center commission committee agency authority bureau corporation company fund foundation house hall
  palace chamber tower library hospital friends order sisters brothers valley city town county district province
  region`);

/** Nouns before a name (or in an apposition after it) that say what it is. */
const ORG_NOUNS = words(`company firm group bank charity newspaper paper daily weekly broadcaster agency startup start-up brand chain
  club team party union lender insurer carrier airline operator publisher retailer maker manufacturer consortium
  fund conglomerate giant developer supplier producer association organisation organization cooperative network
  foundation institute university laboratory lab station channel magazine tabloid outlet`);
const PERSON_NOUNS = words(`tycoon journalist reporter singer actor actress writer author novelist poet painter artist musician
  chair chairman chairwoman spokesman spokeswoman spokesperson minister executive lawyer engineer doctor nurse teacher
  professor researcher scientist economist analyst activist campaigner farmer fisherman businessman businesswoman
  entrepreneur founder owner director manager coach player striker goalkeeper captain pilot priest bishop mayor
  councillor candidate leader diplomat envoy official officer commander general colonel investor banker designer
  architect student pianist composer teacher resident villager widow mother father son daughter wife husband brother
  sister colleague successor predecessor counterpart`);
const PLACE_NOUNS = words(`town city village port island region province district county suburb neighbourhood neighborhood river
  lake street road hill valley area state capital municipality borough hamlet settlement oasis`);
/** Prepositions of place before a name. */
const PLACE_PREPOSITIONS = words('in at near from to around towards toward outside across into off via through between');

const PERSON_TAGS = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific'];
const PLACE_TAGS = ['Place', 'City', 'Country', 'Region', 'Address'];
const ORG_TAGS = ['Organization', 'Company', 'SportsTeam'];
const PROPER_TAGS = ['ProperNoun', ...PERSON_TAGS, ...PLACE_TAGS, ...ORG_TAGS, 'Acronym'];
const NEVER_NAME_TAGS = [
  'Date',
  'Month',
  'WeekDay',
  'Demonym',
  'Pronoun',
  'Determiner',
  'Preposition',
  'Conjunction',
  'Modal',
  'Copula',
  'QuestionWord',
  'Value',
];

interface Word {
  start: number;
  end: number;
  text: string;
  key: string;
  tags: Set<string>;
  /** Opens a sentence (or a quotation, or a line). */
  initial: boolean;
  /** Opens a sentence, and the page has the same word capitalised elsewhere ("Vasconcelos denies…"). */
  confirmed?: boolean;
}

/** compromise's lexicon: the words it knows, with their tag (used to tell common words opening a sentence). */
let lexicon: Record<string, unknown> | undefined;
function knownWord(key: string): boolean {
  // compromise/two's types leave its world's model untyped.
  lexicon ??= (nlp.world() as unknown as { model: { one: { lexicon?: Record<string, unknown> } } }).model.one.lexicon ?? {};
  const tag = lexicon[key];
  if (tag === undefined) return false;
  const tags = Array.isArray(tag) ? (tag as string[]) : [String(tag)];
  return !tags.some((t) => PROPER_TAGS.includes(t) || /Name$/.test(t) || t === 'Country' || t === 'City');
}

/** The words of the text as compromise tags them, with offsets into the text. */
function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  const sentences = nlp(text).json({ offset: true, terms: { offset: true } }) as Sentence[];
  for (const s of sentences) {
    s.terms.forEach((t, i) => {
      const start = t.offset.start;
      const end = start + t.offset.length;
      const raw = text.slice(start, end);
      // compromise may expand a contraction into words of no length of their own: they name nothing.
      if (!raw || fold(raw) !== fold(t.text)) return;
      const gap = out.length ? text.slice(out[out.length - 1]!.end, start) : '';
      const initial = i === 0 || /[“"«(\n]/.test(t.pre) || /\n/.test(gap);
      out.push({ start, end, text: raw, key: raw.toLowerCase().replace(/’/g, "'"), tags: new Set(t.tags), initial });
    });
  }
  return out;
}

const has = (w: Word, tags: readonly string[]) => tags.some((t) => w.tags.has(t));

function capitalised(w: Word): boolean {
  return /^\p{Lu}/u.test(w.text) && !/^\p{Lu}$/u.test(w.text);
}

function bareKey(w: Word): string {
  return w.key.replace(/['’]s?$/, '').replace(/\.$/, '');
}

function isTitle(w: Word): boolean {
  return TITLES.has(bareKey(w)) || w.tags.has('Honorific');
}

/** A capitalised word that may belong to a name. */
function nameWord(w: Word | undefined): boolean {
  if (!w || !capitalised(w)) return false;
  const key = bareKey(w);
  if (MONTHS_AND_DAYS.has(key) || CAPITALISED_NOUNS.has(key) || isRomanNumeral(w.text)) return false;
  if (isAllCaps(w.text)) return w.text.length >= 2 && !NOT_ACRONYMS.has(key);
  if (has(w, NEVER_NAME_TAGS) && !has(w, [...PERSON_TAGS, ...ORG_TAGS, 'City', 'Country', 'Region'])) return false;
  if (isTitle(w)) return true;
  // compromise tags a sentence's first word as it would in lower case: the page may know better.
  if (has(w, PROPER_TAGS) || w.confirmed) return true;
  // compromise tags a capitalised word it does not know as a proper noun; one it does know mid-sentence is taken too.
  return !w.initial && !has(w, ['Verb', 'Adverb', 'Adjective']);
}

function possessive(w: Word): boolean {
  return /['’]s?$/.test(w.text) && (w.tags.has('Possessive') || /['’]s$/.test(w.text));
}

interface Run {
  from: number;
  to: number;
}

function gapBetween(text: string, a: Word, b: Word): string {
  return text.slice(a.end, b.start);
}

const SPACE = /^[ \t\u00A0\u202F]+$/;
const HYPHEN = /^[-‐‑]$/;

function runs(text: string, ws: Word[], skip: [number, number][]): Run[] {
  const out: Run[] = [];
  let i = 0;
  while (i < ws.length) {
    const w = ws[i]!;
    const prefixed = HYPHEN_PREFIXES.has(w.key) && HYPHEN.test(ws[i + 1] ? gapBetween(text, w, ws[i + 1]!) : '') && nameWord(ws[i + 1]);
    // A sentence's first word compromise does not know, before a proper noun: "Wanjiku Kamau said".
    const unknownOpener =
      w.initial &&
      capitalised(w) &&
      !knownWord(bareKey(w)) &&
      !has(w, [...NEVER_NAME_TAGS, 'Verb', 'Adverb', 'Adjective']) &&
      nameWord(ws[i + 1]) &&
      SPACE.test(gapBetween(text, w, ws[i + 1]!));
    if ((!nameWord(w) && !prefixed && !unknownOpener) || inRanges(skip, w.start, w.end)) {
      i++;
      continue;
    }
    let j = i;
    let institution = false;
    for (;;) {
      const cur = ws[j]!;
      const next = ws[j + 1];
      if (!next) break;
      const gap = gapBetween(text, cur, next);
      // "Ministry of Hajj and Religious Affairs": "and" inside an institution's name.
      const afterAnd = ws[j + 2];
      if (
        institution &&
        (next.key === 'and' || next.key === '&') &&
        SPACE.test(gap) &&
        afterAnd &&
        nameWord(afterAnd) &&
        SPACE.test(gapBetween(text, next, afterAnd))
      ) {
        j += 2;
        continue;
      }
      // "Moselle Farmers' Union": a plural possessive inside a name.
      if (/^['’][ \t]+$/.test(gap) && nameWord(next) && !next.initial) {
        j++;
        continue;
      }
      if (HYPHEN.test(gap)) {
        if (HYPHEN_SUFFIXES.has(next.key)) break;
        // "Diallo-Frost", "Ka-ming", "al-Haddad"
        if (nameWord(next) || /^\p{Ll}/u.test(next.text)) {
          j++;
          continue;
        }
        break;
      }
      if (!SPACE.test(gap)) break;
      if (possessive(cur) && !nameWord(next)) break;
      if (nameWord(next) && !next.initial) {
        j++;
        continue;
      }
      // Particles: "Omar bin Salem", "Pieter van den Broeck", "Museum of Rail", "Bank of the West".
      let k = j + 1;
      const isOf = next.key === 'of' && OF_HEADS.has(bareKey(cur));
      if (isOf || (PARTICLES.has(next.key) && !capitalised(next))) {
        while (ws[k] && (PARTICLES.has(ws[k]!.key) || ws[k]!.key === 'of' || (isOf && ws[k]!.key === 'the')) && k - j <= 3) {
          const g = gapBetween(text, ws[k - 1]!, ws[k]!);
          if (!SPACE.test(g)) break;
          k++;
        }
        const after = ws[k];
        if (after && k > j + 1 && nameWord(after) && SPACE.test(gapBetween(text, ws[k - 1]!, after))) {
          if (isOf) institution = true;
          j = k;
          continue;
        }
        // "al-Haddad" after a name: a prefix joined by a hyphen.
        if (after && HYPHEN_PREFIXES.has(next.key) && HYPHEN.test(gapBetween(text, next, after)) && nameWord(after)) {
          j = k;
          continue;
        }
      }
      break;
    }
    out.push({ from: i, to: j });
    i = j + 1;
  }
  return out;
}

function isDemonym(w: Word): boolean {
  const key = bareKey(w);
  if (w.tags.has('Demonym') || isListedDemonym(key)) return true;
  if (isFirstName(w.text) || has(w, ['Person', 'Place', 'City', 'Country', 'Organization'])) return false;
  return DEMONYM_ENDING.test(key);
}

/** The noun in an apposition after the name: "Hydrova, a Dutch firm". */
function appositionNoun(text: string, end: number): string | undefined {
  const m = /^,\s+(?:a|an|the)\s+([^,.;:!?()]{1,80})/.exec(text.slice(end, end + 100));
  if (!m) return undefined;
  return m[1]!
    .toLowerCase()
    .split(/\s+/)
    .slice(0, 4)
    .find((x) => ORG_NOUNS.has(x) || PERSON_NOUNS.has(x) || PLACE_NOUNS.has(x));
}

function nounType(noun: string | undefined): NameType | undefined {
  if (!noun) return undefined;
  if (ORG_NOUNS.has(noun)) return 'organization';
  if (PERSON_NOUNS.has(noun) || TITLES.has(noun)) return 'person';
  if (PLACE_NOUNS.has(noun)) return 'place';
  return undefined;
}

function guessType(text: string, ws: Word[], from: number, to: number, titled: boolean): { type: NameType; cue: Cue } {
  const names = ws.slice(from, to + 1);
  const keys = names.map(bareKey);
  const first = names[0]!;
  const last = keys[keys.length - 1]!;
  if (keys.some((k) => ORG_WORDS.has(k)) || COMPANY_WORDS.has(last) || ORG_FIRST.has(keys[0]!) || (isAllCaps(first.text) && names.length === 1))
    return { type: 'organization', cue: Cue.Strong };
  if (PLACE_LAST.has(last) || (PLACE_FIRST.has(keys[0]!) && names.length > 1) || PLACE_FORM.test(text.slice(first.start, ws[to]!.end)))
    return { type: 'place', cue: Cue.Strong };
  if (titled) return { type: 'person', cue: Cue.Strong };
  const before = ws[from - 1];
  // The word just before, hyphenated compounds whole ("the payments start-up Paydash").
  const adjacent = /(?:^|[^\p{L}\-‐‑])(\p{Ll}[\p{L}\-‐‑]*)[ \t\u00A0]+$/u.exec(text.slice(Math.max(0, first.start - 40), first.start))?.[1];
  const byNoun = nounType(adjacent) ?? nounType(appositionNoun(text, ws[to]!.end));
  if (byNoun) return { type: byNoun, cue: Cue.Strong };
  // "the main street of Ashby Parva", "the town of Lindford"
  const beforeOf = ws[from - 2];
  if (before?.key === 'of' && beforeOf && (PLACE_NOUNS.has(bareKey(beforeOf)) || PLACE_LAST.has(bareKey(beforeOf)))) return { type: 'place', cue: Cue.Strong };
  if (first.tags.has('FirstName') || isFirstName(first.text)) return { type: 'person', cue: Cue.Strong };
  // compromise's tags, by vote.
  const votes: [NameType, number][] = [
    ['person', names.filter((w) => has(w, PERSON_TAGS)).length],
    ['place', names.filter((w) => has(w, PLACE_TAGS)).length],
    ['organization', names.filter((w) => has(w, ORG_TAGS)).length],
  ];
  votes.sort((a, b) => b[1] - a[1]);
  if (votes[0]![1] > 0 && votes[0]![1] > votes[1]![1]) return { type: votes[0]![0], cue: Cue.Weak };
  if (before && PLACE_PREPOSITIONS.has(before.key)) return { type: 'place', cue: Cue.Weak };
  return names.length >= 2 ? { type: 'person', cue: Cue.None } : { type: 'place', cue: Cue.None };
}

/** The proper names of an English text, with a guessed type each (before the page's harmonisation). */
export function englishNames(text: string): Found[] {
  const ws = wordsOf(text);
  // Words the page writes as names mid-sentence, alone or at either end of a
  // name ("Granitex", "Vasconcelos" of "Rodrigo Amaral Vasconcelos",
  // "Larkspur" of "Larkspur Games"): not inside one ("Farmers" of "Moselle
  // Farmers' Union").
  const midSentence = new Set(
    ws.filter((w, i) => !w.initial && nameWord(w) && (!nameWord(ws[i - 1]) || !nameWord(ws[i + 1]) || ws[i + 1]!.initial)).map(bareKey),
  );
  for (const w of ws) if (w.initial && capitalised(w) && midSentence.has(bareKey(w))) w.confirmed = true;
  const skip = capitalLines(text);
  const all = runs(text, ws, skip);
  // Words of the page's longer names: they confirm the same word alone ("Granitex", "Kessler").
  const inLonger = new Set<string>();
  for (const r of all) if (r.to > r.from) for (let k = r.from; k <= r.to; k++) inLonger.add(bareKey(ws[k]!));

  const found: Found[] = [];
  for (const r of all) {
    let from = r.from;
    let to = r.to;
    let titled = false;
    // A title before an institution's word is part of its name: "General Assembly", "General Motors".
    const institution = ORG_WORDS.has(bareKey(ws[to]!)) || COMPANY_WORDS.has(bareKey(ws[to]!));
    while (from < to && isTitle(ws[from]!) && !institution) {
      titled = true;
      from++;
    }
    if (from === to && isTitle(ws[from]!)) continue;
    // A possessive or a particle ends no name: "Ruiz's" → "Ruiz".
    while (to > from && PARTICLES.has(ws[to]!.key) && !capitalised(ws[to]!)) to--;
    // A demonym before a first name: "Danish diplomat Henrik Solberg" has none, "Kenyan Grace Wanjiru" has one.
    if (from < to && isDemonym(ws[from]!) && isFirstName(ws[from + 1]!.text)) from++;
    const first = ws[from]!;
    // A model or a disease: "C-17", "Il-76", "Covid-19".
    if (/^[-‐‑]\d/.test(text.slice(ws[to]!.end))) continue;
    if (from < to && ws.slice(from, to + 1).every((w) => isDemonym(w) || isListedDemonym(w.text))) continue;
    if (from === to) {
      if (isDemonym(first)) continue;
      // A generic word alone: "Assembly", "Security", "Culture", "Prevention".
      const bare = bareKey(first);
      if (ORG_WORDS.has(bare) || OF_HEADS.has(bare) || PLACE_LAST.has(bare) || TITLES.has(bare) || PORTFOLIOS.has(bare)) continue;
      if (ABSTRACT_ENDING.test(bare) && !isFirstName(first.text) && !isAllCaps(first.text)) continue;
      // A single word compromise knows as a common word ("Shares", "Energy"), unless it tags it a name or the page has it in a longer name.
      const key = bareKey(first);
      const common = !isAllCaps(first.text) && (knownWord(key) || knownWord(key.replace(/s$/, '')));
      if (common && !has(first, [...PERSON_TAGS, ...PLACE_TAGS, ...ORG_TAGS]) && !inLonger.has(key)) continue;
    }
    const start = first.start;
    let end = ws[to]!.end;
    const tail = text.slice(start, end);
    const cut = /['’]s?$/.exec(tail);
    if (cut && possessive(ws[to]!)) end -= cut[0].length;
    end = start + text.slice(start, end).replace(/[\s.,;:!?'’"”)\]-]+$/u, '').length;
    if (end <= start) continue;
    const { type, cue } = guessType(text, ws, from, to, titled);
    found.push({ start, end, text: text.slice(start, end), type, cue });
  }
  return found;
}

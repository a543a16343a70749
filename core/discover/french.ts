// Proper names in French text, found by rules (no French model ships in the
// extension, and these rules are small):
//
// 1. Words. Letters with inner hyphens and apostrophes ("Jean-Luc",
//    "Villefranche-d'Aveyron", "Penmarc'h"); an elided article or
//    preposition is cut off ("l'Agence" → "Agence", "d'Argent" → particle +
//    "Argent"). An abbreviated title keeps its dot ("M.", "Mgr."), so the
//    word after it does not open a sentence.
// 2. Sequences. A name is a run of capitalised words separated by single
//    spaces, possibly joined by particles (de, du, des, d', de la, de l',
//    van, von, der, den, ben, bin, ibn, abou, abu, ould, al, el, da, dos, di,
//    del) when a capitalised word follows; a word such as "al-Haddad" or
//    "el-Tayeb" counts as capitalised. After a word that opens an
//    organisation ("Union", "Conseil", "Agence"…), the name may go on over
//    small words, as French writes such names: "Conseil départemental de la
//    Lorne", "Union des agriculteurs de Tokar", "Cour des comptes régionale".
//    Words in capitals are acronyms (organisations), but whole lines in
//    capitals are headlines and are skipped.
// 3. What is not a name: a function word or sentence starter at the head of
//    a run ("Selon", "Hier", "Les"); a title alone, while a title before a
//    name is dropped and says the name is a person's ("M. Gérard Touzet",
//    "le président Emmanuel Macron" → "Emmanuel Macron"); month and day
//    names; a few nouns the press capitalises ("État", "République",
//    "Noël"); a portfolio ("le ministre de l'Intérieur"); alone, a generic
//    word ("Conseil", "Défense", "Prévention", "Sud") or a model ("Il-76");
//    demonyms ("Ukrainiens", "les Marseillais": the list of demonyms.ts,
//    and a rule on endings after an article or a number, or in the plural).
//    A single word opening a sentence is taken only when the page confirms
//    it: the same word capitalised elsewhere mid-sentence, a first name, an
//    acronym, or a word of a longer name ("Marchetti" after "Jean-Luc
//    Marchetti").
// 4. Type, by cues, strongest first: the noun just before the name ("le
//    groupe Valdor", "le stade Marcel-Aubry", "la physicienne Claire
//    Aubertin"); a word inside it (Ministère, Banque, Parti, Agence,
//    "Records"…) or an acronym: an organisation; a place's shape ("-sur-",
//    "-lès-", "Saint-"); an article before a single name ("la Lorne"): a
//    place; a title, a first name or a particle such as "ben" or "al-": a
//    person; a noun before "de" ("le maire de Brignac", "au large de
//    Kayar") or a preposition of place ("à", "en", "au"). Otherwise a run
//    of two words or more is taken for a person and a single word for a
//    place. The page then settles each name's type (see harmonise in
//    common.ts).

import {
  ABSTRACT_ENDING,
  capitalLines,
  COMPANY_WORDS,
  Cue,
  fold,
  inRanges,
  isAllCaps,
  isRomanNumeral,
  MODEL_NUMBER,
  PLACE_FORM,
  PORTFOLIOS,
  type Found,
  type NameType,
} from './common';
import { isListedDemonym } from './demonyms';
import { isFirstName } from './first-names';

/** A set of words, folded as tokens' keys are. */
const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean).map(fold));

/** Function words and usual sentence openers: never the head of a name. */
export const STOP_WORDS = words(`
  le la les l un une des du de d au aux a à ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs
  je j tu il elle on nous vous ils elles y en qui que qu quoi dont où ou et mais donc or ni car puis ensuite enfin alors ainsi
  aussi pourtant cependant toutefois néanmoins pourquoi comment quand lorsque lorsqu si comme selon après hier aujourd'hui
  demain désormais depuis pendant avant dans sur sous avec sans pour par parmi chez entre vers contre malgré durant dès
  jusqu jusque lors outre face grâce auprès près loin autour hors ici là déjà encore même tout tous toute toutes chaque
  plusieurs certains certaines quelques aucun aucune autre autres nombre beaucoup peu plus moins très trop bien non oui
  ne pas c cela ceci celui celle ceux celles voici voilà seul seule seuls premier première premiers dernier dernière
  nouveau nouvelle nouveaux ancien ancienne quel quelle quels quelles lequel laquelle certes ailleurs reste bref surtout
  notamment également finalement cela ça rien personne chacun chacune cet quant côté début fin mi objectif résultat
  problème question pire mieux tant autant combien oui deux trois quatre cinq six sept huit neuf dix onze douze vingt
  trente quarante cinquante soixante cent cents mille dizaines centaines milliers mais sauf voire soit tel telle tels
  telles cet ici partout aujourd hier ce est sont était été être avoir a ont avait il y
`);

const MONTHS_AND_DAYS = words(`janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre
  lundi mardi mercredi jeudi vendredi samedi dimanche`);

/** Nouns the press capitalises that name nothing here. */
const CAPITALISED_NOUNS = words(`état etat états république internet noël noel pâques toussaint ramadan aïd covid
  brexit dieu bible coran gouvernement premier première histoire constitution occident orient`);

/** Titles written before a name (capitalised or not): dropped, and the name is a person's. */
const TITLES = words(`président présidente ministre maire mairesse général générale colonel capitaine commandant lieutenant
  sergent amiral maréchal préfet préfète sénateur sénatrice député députée juge docteur professeur maître monseigneur
  cheikh cheik imam abbé père frère sœur soeur roi reine prince princesse pape émir sultan cardinal chancelier chancelière
  gouverneur monsieur madame mademoiselle m mme mlle mmes mm me dr pr mgr bourgmestre`);

/** Abbreviations that keep their dot: titles, and a capital initial inside a name. */
const ABBREVIATIONS = words('m mme mlle mm mmes me dr pr mgr st ste');

/** Nouns before a name that make it a person's (occupations and roles). */
const PERSON_NOUNS = words(`directeur directrice pdg patron patronne chercheur chercheuse physicien physicienne chimiste biologiste
  romancier romancière écrivain écrivaine auteur autrice auteure journaliste chanteur chanteuse acteur actrice
  réalisateur réalisatrice entraîneur entraîneuse joueur joueuse attaquant attaquante gardien gardienne pasteur rabbin
  évêque archevêque conseiller conseillère porte-parole secrétaire militant militante opposant opposante fondateur
  fondatrice chef cheffe médecin infirmier infirmière ingénieur ingénieure architecte artiste photographe historien
  historienne économiste sociologue philosophe poète poétesse compositeur compositrice pianiste violoniste peintre
  sculpteur athlète champion championne coureur coureuse cycliste footballeur footballeuse navigateur navigatrice
  ambassadeur ambassadrice émissaire envoyé envoyée commissaire délégué déléguée syndicaliste élu élue adjoint adjointe
  candidat candidate avocat avocate procureur procureure juge président présidente ministre maire mairesse préfet
  préfète général colonel capitaine commandant sénateur sénatrice député députée cheikh imam abbé bourgmestre
  professeur professeure docteur chanceliere chancelier gouverneur gouverneure habitant habitante agriculteur
  agricultrice éleveur éleveuse vigneron vigneronne commerçant commerçante épouse époux mari fils fille frère sœur
  soeur père mère veuve oncle tante cousin cousine neveu nièce voisin voisine collègue adjoint
  successeur prédécesseur homologue directeur-général`);

/** Titles that, with "de", name a place: "le maire de Brignac". */
const PLACE_TITLES = words(
  'maire mairesse bourgmestre préfet préfète évêque archevêque curé député députée sénateur sénatrice gouverneur gouverneure habitants habitant',
);

/** Nouns before a name that make it an organisation's. */
const ORG_NOUNS = words(`association groupe société entreprise firme enseigne marque coopérative conserverie laiterie fromagerie
  brasserie start-up pme laboratoire cabinet chaîne quotidien journal hebdomadaire mensuel magazine revue radio
  télévision club équipe ong fondation syndicat parti mouvement collectif maison éditeur éditions banque assureur
  mutuelle compagnie constructeur fabricant opérateur distributeur transporteur armateur studio agence institut
  réseau fédération ligue alliance label festival pêcherie`);

/** Nouns before a name (or before "de" and a name) that make it a place. */
const PLACE_NOUNS = words(`ville commune village bourg hameau région département province canton quartier rue rues avenue boulevard
  place stade vallée plaine côte île îles lac mont col gare aéroport port banlieue environs faubourg localité cité
  capitale municipalité agglomération arrondissement district territoire route larges large fleuve rivière massif
  plateau`);

/** Words that open an organisation's name. */
export const ORG_HEADS = words(`ministère banque parti agence front conseil union université fondation association comité commission
  société groupe syndicat institut fédération confédération coopérative éditions radio cour office centre caisse
  compagnie chambre collectif mouvement ligue club académie observatoire alliance rassemblement réseau autorité
  tribunal école lycée collège hôpital clinique musée théâtre orchestre assemblée direction secrétariat haut-commissariat
  mutuelle laboratoire communauté fc as rc us sc ac`);

/** Prepositions of place before a name. */
const PLACE_PREPOSITIONS = words('à au aux en vers');

/** Particles between two capitalised words of one name. */
const PARTICLES = words('de du des d van von der den ter ten ben bin ibn abou abu ould ag al el da do dos das di del della y');
/** Particles that may stand before another particle: "de la", "van der". */
const FIRST_OF_TWO = words('de van von');

/** Lower-case prefixes that keep a word capitalised in effect: "al-Haddad", "el-Tayeb". */
const NAME_PREFIX = /^(?:al|el|ad|ag|an|ar|as|ash|at|az|ben|bin|ibn|abou|abu|ould)-\p{Lu}/u;

/** Elided words cut off the front of a word: "l'", "d'", "qu'"… */
const ELISION = /^(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’]/iu;

/** Adjective endings, for the small words of organisations' names ("socialiste", "départemental"). */
const ADJECTIVE =
  /(?:al|ale|ales|aux|ique|iques|iste|istes|aire|aires|el|elle|els|elles|if|ive|ifs|ives|ien|ienne|iens|iennes|éen|éenne|éens|éennes|ais|aise|aises|ois|oise|oises|ain|aine|ains|aines|é|ée|és|ées|ier|ière|iers|ières)$/u;

/** Endings of demonyms: "-iens", "-ais", "-oises"… (checked only after an article or a number, or in the plural). */
const DEMONYM_ENDING = /(?:ien|ienne|iens|iennes|éen|éenne|éens|éennes|ais|aise|aises|ois|oise|oises|ain|ains|aines|an|ans|ane|anes)$/u;
const PLURAL_DEMONYM_ENDING = /(?:iens|iennes|éens|éennes|aises|oises|ains|aines)$/u;
const BEFORE_DEMONYM = words(`le la les l un une des du aux ces deux trois quatre cinq six sept huit neuf dix cent cents mille
  milliers centaines dizaines plusieurs quelques nombreux certains`);
/** Words before "de" and a demonym: "des milliers de Soudanais". */
const QUANTITIES = words('milliers centaines dizaines millions nombreux plus moins beaucoup peu foule groupe');

interface Token {
  start: number;
  end: number;
  text: string;
  /** Folded, lower case. */
  key: string;
  /** An elided article or preposition ("l'", "d'"). */
  elided: boolean;
  /** The first word of a sentence, where a capital says nothing. */
  initial: boolean;
  /** Only spaces (no line break) since the token before. */
  spaced: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-‐‑'’][\p{L}\p{M}\p{N}]+)*/gu;
// A sentence ends at a stop, a line break or an opening quote.
const SENTENCE_END = /[.!?…\n\u2028\u2029]|[«“"]\s*$/u;

/** Cuts French text into words with their offsets, elisions apart. */
export function tokenizeFrench(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  let lastWasAbbreviation = false;
  for (const m of text.matchAll(WORD)) {
    let start = m.index;
    const whole = m[0];
    const gap = text.slice(last, start);
    let initial = tokens.length === 0 ? !/\p{L}/u.test(gap) || SENTENCE_END.test(gap) : SENTENCE_END.test(gap) && !lastWasAbbreviation;
    if (lastWasAbbreviation && /\n/.test(gap)) initial = true;
    let spaced = /^[ \t\u00A0\u202F]+$/.test(gap) || (lastWasAbbreviation && /^\.[ \t\u00A0\u202F]+$/.test(gap));
    const elision = ELISION.exec(whole);
    let body = whole;
    // A capital elision only opens a sentence ("D'après", "L'Agence"): "N'Djamena" is one word.
    if (elision && whole.length > elision[0].length && (initial || /^\p{Ll}/u.test(whole))) {
      const e = elision[0];
      tokens.push({ start, end: start + e.length, text: e, key: fold(e.slice(0, -1)), elided: true, initial, spaced });
      start += e.length;
      body = whole.slice(e.length);
      // After "L'" at a sentence's start the capital of the next word is the writer's choice.
      initial = false;
      spaced = true;
    }
    const key = fold(body).replace(/’/g, "'");
    let end = start + body.length;
    // A title's dot, or a capital initial's ("J. Dupont"), belongs to the word.
    const abbreviated = text[end] === '.' && (ABBREVIATIONS.has(key) || /^\p{Lu}$/u.test(body));
    if (abbreviated) end++;
    tokens.push({ start, end, text: text.slice(start, end), key, elided: false, initial, spaced });
    lastWasAbbreviation = abbreviated;
    last = end;
  }
  return tokens;
}

/** A word written with a capital that may belong to a name. */
function capitalised(t: Token): boolean {
  if (t.elided) return false;
  const first = t.text[0] ?? '';
  if (!/\p{Lu}/u.test(first) && !NAME_PREFIX.test(t.text)) return false;
  if (/^\p{Lu}$/u.test(t.text)) return false; // a lone capital letter without its dot
  return true;
}

/** Cardinal points: part of a name ("Ouest Info", "Seine-Ouest"), not one alone ("les Corses du Sud"). */
const CARDINALS = words('nord sud est ouest');

/** Number words, for "les Vingt-Sept". */
const NUMBERS = words(
  'un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt trente quarante cinquante soixante cent mille et',
);

/** A capitalised word that is never part of a name. */
function excluded(t: Token): boolean {
  return MONTHS_AND_DAYS.has(t.key) || CAPITALISED_NOUNS.has(t.key) || isRomanNumeral(t.text) || t.key.split('-').every((part) => NUMBERS.has(part));
}

/** Words before "de" and a portfolio: "le ministre de l'Intérieur", "ministère des Affaires étrangères". */
const PORTFOLIO_HEADS = words('ministre ministres ministère ministères secrétaire secrétariat commissaire haut-commissaire portefeuille');

function nameWord(t: Token | undefined): boolean {
  return !!t && capitalised(t) && !excluded(t);
}

function isTitle(t: Token): boolean {
  return TITLES.has(t.key.replace(/\.$/, ''));
}

function isParticle(t: Token): boolean {
  return (t.elided && t.key === 'd') || (!capitalised(t) && PARTICLES.has(t.key));
}

function lowerWord(t: Token | undefined): boolean {
  return !!t && !t.elided && /^\p{Ll}/u.test(t.text) && t.text.length >= 3 && !STOP_WORDS.has(t.key) && !/\d/.test(t.text);
}

function adjective(t: Token | undefined): boolean {
  return lowerWord(t) && ADJECTIVE.test(t!.text);
}

/**
 * Particles from `i`, then a name word: the index of that name word, or -1.
 * "de", "de la", "de l'", "d'", "van der"…
 */
function particlesThenName(tokens: Token[], i: number, institution = false): number {
  const a = tokens[i];
  if (!a || !a.spaced || !isParticle(a)) return -1;
  // An institution's name may end on a noun the press capitalises: "Conseil d'État".
  const named = (t: Token | undefined) => nameWord(t) || (institution && !!t && capitalised(t) && CAPITALISED_NOUNS.has(t.key));
  const b = tokens[i + 1];
  if (b && named(b) && (b.spaced || a.elided)) return i + 1;
  if (b && FIRST_OF_TWO.has(a.key) && b.spaced && (isParticle(b) || b.key === 'la' || (b.elided && b.key === 'l'))) {
    const c = tokens[i + 2];
    if (c && named(c) && (c.spaced || b.elided)) return i + 2;
  }
  return -1;
}

/**
 * The small words an organisation's name may go on with after its head word:
 * adjectives, then "de" and a noun ("des agriculteurs", "de l'eau") and an
 * adjective, then capitalised words. Returns the last token's index, or `j`
 * when nothing that ends well follows.
 */
function organisationTail(tokens: Token[], j: number): number {
  let k = j;
  let best = j;
  let adjectives = 0;
  while (adjectives < 2 && adjective(tokens[k + 1]) && tokens[k + 1]!.spaced) {
    k++;
    adjectives++;
    best = k;
  }
  // "Conseil départemental de la Lorne"
  const named = particlesThenName(tokens, k + 1);
  if (named >= 0) return named;
  // "des comptes", "de l'eau", "des sages", "de développement", "pour le renouveau"
  const p = tokens[k + 1];
  if (p && p.spaced && (isParticle(p) || p.key === 'pour')) {
    let n = k + 2;
    const article = tokens[n];
    if (
      article &&
      ((FIRST_OF_TWO.has(p.key) && article.key === 'la') ||
        (p.key === 'pour' && ['le', 'la', 'les'].includes(article.key)) ||
        (article.elided && article.key === 'l'))
    )
      n++;
    const noun = tokens[n];
    if (noun && lowerWord(noun) && (noun.spaced || tokens[n - 1]!.elided)) {
      let m = n;
      // "Banque atlantique de développement", "Conseil de sécurité collective"; not "pour le" alone.
      if (p.key !== 'pour') best = m;
      if (adjective(tokens[m + 1]) && tokens[m + 1]!.spaced) {
        m++;
        if (p.key !== 'pour') best = m; // "Cour des comptes régionale"
      }
      // then a name: "Union des agriculteurs de Tokar", "Agence de l'eau Seine-Ouest"
      const direct = tokens[m + 1];
      if (direct && direct.spaced && nameWord(direct)) return m + 1;
      const viaParticle = particlesThenName(tokens, m + 1);
      if (viaParticle >= 0) return viaParticle;
    }
  }
  return best;
}

interface Run {
  /** Token indexes, first and last, inclusive. */
  from: number;
  to: number;
}

/** Runs of capitalised words and their particles. */
function runs(tokens: Token[], skip: [number, number][]): Run[] {
  const out: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!nameWord(t) || inRanges(skip, t.start, t.end)) {
      i++;
      continue;
    }
    let j = i;
    let institution = false;
    for (;;) {
      if (ORG_HEADS.has(tokens[j]!.key)) institution = true;
      const next = tokens[j + 1];
      if (next && next.spaced && nameWord(next) && !next.initial) {
        j++;
        continue;
      }
      const viaParticle = particlesThenName(tokens, j + 1, institution);
      if (viaParticle >= 0) {
        j = viaParticle;
        continue;
      }
      if (ORG_HEADS.has(tokens[j]!.key)) {
        const tail = organisationTail(tokens, j);
        if (tail > j) {
          j = tail;
          if (nameWord(tokens[j])) continue;
        }
      }
      break;
    }
    out.push({ from: i, to: j });
    i = j + 1;
  }
  return out;
}

/** Whether a single word is a demonym here: listed, or by its ending after an article or a number, or plural. */
export function isDemonym(word: string, before: string | undefined, beforeThat?: string): boolean {
  if (isListedDemonym(word)) return true;
  if (word.includes('-') || isFirstName(word)) return false;
  const lower = word.toLowerCase();
  if (PLURAL_DEMONYM_ENDING.test(lower)) return true;
  if (before === undefined) return false;
  const b = fold(before);
  return DEMONYM_ENDING.test(lower) && (BEFORE_DEMONYM.has(b) || ((b === 'de' || b === 'd') && beforeThat !== undefined && QUANTITIES.has(fold(beforeThat))));
}

function guessType(tokens: Token[], from: number, to: number, titled: boolean): { type: NameType; cue: Cue } {
  const first = tokens[from]!;
  const names = tokens.slice(from, to + 1);
  const text = names.map((t) => t.text).join(' ');
  const before = tokens[from - 1];
  const beforeKey = before?.key.replace(/\.$/, '');
  // The noun just before the name: "le groupe Valdor", "le stade Marcel-Aubry", "la physicienne Claire Aubertin".
  if (before && !capitalised(before) && first.spaced) {
    if (beforeKey && ORG_NOUNS.has(beforeKey)) return { type: 'organization', cue: Cue.Strong };
    if (beforeKey && PLACE_NOUNS.has(beforeKey) && beforeKey !== 'place') return { type: 'place', cue: Cue.Strong };
    if (beforeKey && (PERSON_NOUNS.has(beforeKey) || TITLES.has(beforeKey))) return { type: 'person', cue: Cue.Strong };
  }
  if (
    names.some((t) => ORG_HEADS.has(t.key) && !isFirstName(t.text)) ||
    COMPANY_WORDS.has(names[names.length - 1]!.key) ||
    (isAllCaps(first.text) && first.text.length >= 2)
  )
    return { type: 'organization', cue: Cue.Strong };
  if (PLACE_FORM.test(text) && !titled) return { type: 'place', cue: Cue.Strong };
  // An article before a single name: "la Lorne", "le Doubs", "l'Ornain" are no one's first names.
  if (names.length === 1 && before && (['le', 'la', 'les'].includes(before.key) || (before.elided && before.key === 'l')) && !titled)
    return { type: 'place', cue: Cue.Weak };
  if (titled || isFirstName(first.text) || names.some((t) => ['ben', 'bin', 'ibn', 'ould'].includes(t.key) || NAME_PREFIX.test(t.text)))
    return { type: 'person', cue: Cue.Strong };
  // "le maire de Brignac", "les habitants de Kerbriac", "la ville de…", "au large de Kayar", "près de…".
  if (before && (before.key === 'de' || before.key === 'du' || (before.elided && before.key === 'd'))) {
    let k = from - 2;
    if (tokens[k]?.key === 'la' || (tokens[k]?.elided && tokens[k]?.key === 'l')) k--;
    const noun = tokens[k]?.key;
    if (noun && (PLACE_TITLES.has(noun) || PLACE_NOUNS.has(noun) || noun === 'près' || noun === 'loin' || noun === 'autour'))
      return { type: 'place', cue: Cue.Weak };
    if (noun && ORG_NOUNS.has(noun)) return { type: 'organization', cue: Cue.Weak };
  }
  if (before && beforeKey && PLACE_PREPOSITIONS.has(beforeKey) && !capitalised(before)) return { type: 'place', cue: Cue.Weak };
  return names.filter((t) => !isParticle(t)).length >= 2 ? { type: 'person', cue: Cue.None } : { type: 'place', cue: Cue.None };
}

/** Capitalised particles that end no name: "… Le", "… Van". */
const TRAILING = words('le la les l de du des d van von der den ben bin ibn abou abu al el et');

/** The proper names of a French text, with a guessed type each (before the page's harmonisation). */
export function frenchNames(text: string): Found[] {
  const tokens = tokenizeFrench(text);
  const skip = capitalLines(text);
  const all = runs(tokens, skip);
  // Words the page writes with a capital mid-sentence: they confirm the same word opening a sentence.
  const confirmed = new Set<string>();
  for (const r of all)
    for (let k = r.from; k <= r.to; k++) {
      const t = tokens[k]!;
      if (!t.initial && capitalised(t) && !STOP_WORDS.has(t.key)) confirmed.add(t.key);
    }
  const runTexts = all.map((r) => fold(text.slice(tokens[r.from]!.start, tokens[r.to]!.end)));

  const found: Found[] = [];
  for (const r of all) {
    let from = r.from;
    let to = r.to;
    let initial = tokens[from]!.initial;
    let titled = false;
    // Leading function words, titles and demonyms: "Selon Ruiz", "M. Touzet", "Le Président Macron".
    for (;;) {
      const t = tokens[from]!;
      if (from > to) break;
      if (isTitle(t) && from < to) {
        titled = true;
        from++;
        initial = false;
        continue;
      }
      if (isTitle(t) || (STOP_WORDS.has(t.key) && (initial || !['le', 'la', 'les'].includes(t.key) || !nameWord(tokens[from + 1])))) {
        // "De Villeroy" opening a sentence, when the page has "Arnaud de Villeroy".
        const rest = tokens[from + 1];
        if (initial && PARTICLES.has(t.key) && rest && from < to && runTexts.some((s, n) => all[n] !== r && s.includes(`${t.key} ${rest.key}`))) {
          initial = false;
          break;
        }
        from++;
        initial = false;
        while (from <= to && isParticle(tokens[from]!)) from++;
        continue;
      }
      if (from < to && isListedDemonym(t.text)) {
        from++;
        initial = false;
        continue;
      }
      break;
    }
    while (to >= from && (TRAILING.has(tokens[to]!.key) || isParticle(tokens[to]!))) to--;
    if (from > to) continue;
    // A word opening a sentence: doubtful unless the page confirms it.
    const opener = tokens[from]!;
    if (initial && !isAllCaps(opener.text)) {
      const sure = isFirstName(opener.text) || confirmed.has(opener.key) || ORG_HEADS.has(opener.key) || PLACE_FORM.test(opener.text);
      if (!sure) {
        if (from === to) continue;
        // "Habitants de Montreuil", "Devant le Conseil…": the doubtful word and its particles go.
        const afterParticles = particlesThenName(tokens, from + 1);
        if (afterParticles >= 0) from = afterParticles;
        else if (STOP_WORDS.has(opener.key)) from++;
      }
    }
    if (from > to) continue;
    const first = tokens[from]!;
    const single = from === to;
    // A portfolio: "le ministre de l'Intérieur", "le ministère des Affaires étrangères".
    let k = from - 1;
    while (k >= 0 && (isParticle(tokens[k]!) || (tokens[k]!.elided && tokens[k]!.key === 'l') || tokens[k]!.key === 'la')) k--;
    if (k < from - 1 && tokens[k] && !capitalised(tokens[k]!) && PORTFOLIO_HEADS.has(tokens[k]!.key)) continue;
    if (single && isTitle(first)) continue;
    // A generic word alone: "Défense", "Prévention", "Il-76", "Covid-19".
    if (
      single &&
      !isAllCaps(first.text) &&
      (PORTFOLIOS.has(first.key) || CARDINALS.has(first.key) || MODEL_NUMBER.test(first.text) || (ABSTRACT_ENDING.test(first.text) && !isFirstName(first.text)))
    )
      continue;
    if (single && ORG_HEADS.has(first.key) && !isAllCaps(first.text)) continue;
    if (from === to && isDemonym(tokens[from]!.text, tokens[from - 1]?.key, tokens[from - 2]?.key)) continue;
    const start = tokens[from]!.start;
    const end = tokens[to]!.end;
    const { type, cue } = guessType(tokens, from, to, titled);
    found.push({ start, end, text: text.slice(start, end), type, cue });
  }
  return found;
}

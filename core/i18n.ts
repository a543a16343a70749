// Interface strings in English and French. The language follows the
// browser's; anything else falls back to English.

import type { EntityCard } from './cards';
import type { EntityType, Lang } from './model';

/** The card's line on how a mention was matched (core/cards.ts). */
type MatchLine = NonNullable<EntityCard['match']>;

const STRINGS = {
  en: {
    person: 'Person',
    organization: 'Organisation',
    place: 'Place',
    articles: (n: number) => `${n} ${isOne('en', n) ? 'article' : 'articles'} in the dataset`,
    noArticles: 'No article in the dataset mentions it yet.',
    appearsWith: 'Often appears with',
    close: 'Close',
    noResults: 'No article found. Try fewer words or another spelling.',
    dontHighlight: "Don't highlight this",
    notThisOne: 'Not this one',
    timeline: (from: string, to: string) => `Mentions by month, ${from} – ${to}`,
    mapOf: (name: string) => `Map: ${name}`,
    original: 'Read the original',
    inhabitants: (n: string) => `${n} inhabitants (GeoNames)`,
    asOf: (month: string) => `as of ${month}`,
    didYouMean: 'Did you mean:',
    mentionOf: (k: number, n: number, name: string) => `mention ${k} of ${n}, ${name}`,
    matched: ({ form, rule, name }: MatchLine) =>
      rule === 'short'
        ? `“${form}” alone, after “${name ?? form}” earlier on this page.`
        : rule === 'exact'
          ? `“${form}”, matched only as written${form === form.toUpperCase() ? ', in capitals (an acronym)' : ''}.`
          : rule === 'context'
            ? name
              ? `“${form}”: chosen because ${name} is on this page.`
              : `“${form}”: chosen from the other names on this page.`
            : rule === 'prominence'
              ? `“${form}”: the best known of the places with this name.`
              : `Found as “${form}”, one of its names.`,
  },
  fr: {
    person: 'Personne',
    organization: 'Organisation',
    place: 'Lieu',
    articles: (n: number) => `${n} ${isOne('fr', n) ? 'article' : 'articles'} dans le corpus`,
    noArticles: 'Aucun article du corpus ne le mentionne encore.',
    appearsWith: 'Apparaît souvent avec',
    close: 'Fermer',
    noResults: 'Aucun article trouvé. Essayez moins de mots ou une autre orthographe.',
    dontHighlight: 'Ne plus surligner',
    notThisOne: 'Pas celui-ci',
    timeline: (from: string, to: string) => `Mentions par mois, ${from} – ${to}`,
    mapOf: (name: string) => `Carte : ${name}`,
    original: 'Lire l’original',
    inhabitants: (n: string) => `${n} habitants (GeoNames)`,
    asOf: (month: string) => `situation en ${month}`,
    didYouMean: 'Vouliez-vous dire :',
    mentionOf: (k: number, n: number, name: string) => `mention ${k} sur ${n}, ${name}`,
    matched: ({ form, rule, name }: MatchLine) =>
      rule === 'short'
        ? `« ${form} » seul, après « ${name ?? form} » plus haut dans la page.`
        : rule === 'exact'
          ? `« ${form} », reconnu seulement tel qu’écrit${form === form.toUpperCase() ? ', en capitales (un sigle)' : ''}.`
          : rule === 'context'
            ? name
              ? `« ${form} » : choisi parce que ${name} figure dans la page.`
              : `« ${form} » : choisi d’après les autres noms de la page.`
            : rule === 'prominence'
              ? `« ${form} » : le plus connu des lieux de ce nom.`
              : `Trouvé sous la forme « ${form} », l’un de ses noms.`,
  },
} as const;

export type Strings = (typeof STRINGS)[Lang];

const pluralRules = new Map<Lang, Intl.PluralRules>();

/**
 * Whether `n` takes the singular in `lang`: English for 1 only, French for 0
 * and 1 ("0 article", "1 nom connu"). Intl.PluralRules knows; made once per
 * language, when first needed.
 */
export function isOne(lang: Lang, n: number): boolean {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(n) === 'one';
}

export function langOf(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}

export function typeLabel(lang: Lang, type: EntityType): string {
  return STRINGS[lang][type];
}

// Month names written out rather than Intl.DateTimeFormat: the first date
// formatter of a page loads the locale's date data, a cost that landed in the
// task that opens the first hover card. The format is fixed and simple.
const MONTH_NAMES: Record<Lang, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};

/** "11 September 2021" / "11 septembre 2021" from YYYY-MM-DD. */
export function formatDate(lang: Lang, iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const name = MONTH_NAMES[lang][month - 1];
  if (!name || !day) return iso;
  // French writes the first of the month as an ordinal: "1er septembre 2021".
  return `${lang === 'fr' && day === 1 ? '1er' : day} ${name} ${year}`;
}

/**
 * "2.1 million" / "2,1 millions", or the number with its thousands grouped
 * ("338,620" / "338 620"); written out for the same reason as the months.
 */
export function formatPopulation(lang: Lang, n: number): string {
  if (n >= 1_000_000) {
    const millions = (Math.round(n / 100_000) / 10).toFixed(1).replace(/\.0$/, '');
    return lang === 'fr' ? `${millions.replace('.', ',')} million${n >= 2_000_000 ? 's' : ''}` : `${millions} million`;
  }
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'fr' ? '\u202f' : ',');
}

/** "July 2021" / "juillet 2021" from YYYY-MM. */
export function formatMonth(lang: Lang, month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${MONTH_NAMES[lang][m - 1] ?? month} ${year}`;
}

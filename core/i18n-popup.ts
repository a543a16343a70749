// The toolbar popup's strings, in English and French like the rest of the
// interface; kept apart from core/i18n.ts so the content script, which
// shows only the card, does not carry them.

import { isOne } from './i18n';
import type { Lang } from './model';

const POPUP_STRINGS = {
  en: {
    people: 'People',
    organizations: 'Organisations',
    places: 'Places',
    onThisPage: 'On this page',
    nothingOnPage: 'No known name on this page. Names you follow can be added under “Your collections and entities…” below.',
    mentions: (n: number) => (isOne('en', n) ? `${n} mention` : `${n} mentions`),
    settings: 'Highlight settings',
    unknownNames: 'Names on this page Repères doesn’t know yet',
    guessed: (type: string, n: number) => `${type}?, ${n}×`,
    add: 'Add',
    find: 'Search',
    addName: (name: string) => `Add ${name} as one of your entities`,
    searchName: (name: string) => `Search your collections for ${name}`,
    related: 'Related coverage',
    noRelated: 'No related article in the dataset. Import your own archive under “Your collections and entities…” to find more.',
    shares: 'Shares',
    search: 'Search the dataset',
    searchPlaceholder: 'A name, a place, a topic…',
    highlight: 'Highlight',
    unavailable: 'Repères cannot read this tab (a browser page, or the page is still loading).',
    reading: 'Reading',
    firstOnly: 'First mention only',
    offOn: (host: string) => `Off on ${host}`,
    pause: 'Pause everywhere',
    inactive: 'Repères is off on this page.',
    reason: (names: string[], n: number) => (n === 1 ? `Also mentions ${names[0]}` : `${n} names in common, notably ${names.slice(0, 2).join(' and ')}`),
    allLanguages: 'All languages',
    from: 'From',
    to: 'To',
    clearFilter: 'Clear',
    about: (name: string) => `About ${name}`,
    hiddenList: 'Not highlighted',
    manage: 'Your collections and entities…',
    undo: 'Undo',
    // "Only on sites I allow" (ADR 6).
    notAllowed: (host: string) => `Repères runs only on the sites you allow, and ${host} is not one of them.`,
    allowHere: 'Allow on this site',
    stopAllowing: (host: string) => `Stop allowing on ${host}`,
  },
  fr: {
    people: 'Personnes',
    organizations: 'Organisations',
    places: 'Lieux',
    onThisPage: 'Sur cette page',
    nothingOnPage: 'Aucun nom connu sur cette page. Les noms que vous suivez s’ajoutent dans « Vos collections et entités… » ci-dessous.',
    mentions: (n: number) => (isOne('fr', n) ? `${n} mention` : `${n} mentions`),
    settings: 'Réglages du surlignage',
    unknownNames: 'Noms de cette page que Repères ne connaît pas encore',
    guessed: (type: string, n: number) => `${type} ?, ${n}×`,
    add: 'Ajouter',
    find: 'Chercher',
    addName: (name: string) => `Ajouter ${name} à vos entités`,
    searchName: (name: string) => `Chercher ${name} dans vos collections`,
    related: 'Articles liés',
    noRelated: 'Aucun article lié dans le corpus. Importez vos propres archives dans « Vos collections et entités… » pour en trouver d’autres.',
    shares: 'En commun',
    search: 'Chercher dans le corpus',
    searchPlaceholder: 'Un nom, un lieu, un sujet…',
    highlight: 'Surligner',
    unavailable: 'Repères ne peut pas lire cet onglet (page du navigateur, ou page en cours de chargement).',
    reading: 'Lecture',
    firstOnly: 'Première mention seulement',
    offOn: (host: string) => `Désactivé sur ${host}`,
    pause: 'Pause partout',
    inactive: 'Repères est désactivé sur cette page.',
    reason: (names: string[], n: number) => (n === 1 ? `Mentionne aussi ${names[0]}` : `${n} noms en commun, dont ${names.slice(0, 2).join(' et ')}`),
    allLanguages: 'Toutes les langues',
    from: 'Du',
    to: 'Au',
    clearFilter: 'Effacer',
    about: (name: string) => `À propos de ${name}`,
    hiddenList: 'Non surlignés',
    manage: 'Vos collections et entités…',
    undo: 'Annuler',
    notAllowed: (host: string) => `Repères ne fonctionne que sur les sites que vous autorisez, et ${host} n’en fait pas partie.`,
    allowHere: 'Autoriser sur ce site',
    stopAllowing: (host: string) => `Ne plus autoriser sur ${host}`,
  },
} as const;

export type PopupStrings = (typeof POPUP_STRINGS)[Lang];

export function popupStrings(lang: Lang): PopupStrings {
  return POPUP_STRINGS[lang];
}

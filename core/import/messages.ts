// The import's problem messages in English and French. A problem carries a
// code and its parameters; its English text is kept in `message` (logs,
// tests), and the options page shows it in the reader's language. Details
// that come from elsewhere (a JSON or XML parser's own words) stay as given.

import type { Lang } from '../model';
import { MAX_FILE_BYTES, type Problem } from './types';

export type Params = Record<string, string | number>;
type Template = (p: Params) => string;

const n = (lang: Lang, x: string | number | undefined) => (typeof x === 'number' ? x.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-US') : String(x ?? ''));

const FIELD_FR: Record<string, string> = {
  title: 'titre',
  date: 'date',
  text: 'texte',
  lang: 'langue',
  source: 'source',
  url: 'url',
  summary: 'résumé',
  id: 'id',
};
const UNIT_FR: Record<string, string> = { row: 'ligne', line: 'ligne', item: 'élément', article: 'article', entry: 'entrée' };
const KIND_FR: Record<string, string> = {
  'a list': 'une liste',
  null: 'null',
  'an object': 'un objet',
  'a number': 'un nombre',
  'a boolean': 'un booléen',
  'a string': 'du texte',
};
const fr = {
  field: (f: string | number | undefined) => FIELD_FR[String(f)] ?? String(f),
  unit: (u: string | number | undefined) => UNIT_FR[String(u)] ?? String(u),
};

/** What a backup's value should have been (core/backup.ts, Expected). */
const EXPECTED_EN: Record<string, string> = {
  object: 'an object {…}',
  list: 'a list […]',
  text: 'text',
  nonEmpty: 'non-empty text',
  boolean: 'true or false',
  count: 'a whole number, 0 or more',
  positive: 'a whole number, 1 or more',
  number: 'a number',
  date: 'a date YYYY-MM-DD',
  dateTime: 'an ISO 8601 date-time',
  lang: 'en or fr',
  type: 'person, organization or place',
  mentions: 'every or first',
  color: 'a colour #rrggbb',
  coords: 'a latitude and a longitude [lat, lon]',
  choice: 'keep, add or replace',
};
const EXPECTED_FR: Record<string, string> = {
  object: 'un objet {…}',
  list: 'une liste […]',
  text: 'du texte',
  nonEmpty: 'un texte non vide',
  boolean: 'true ou false',
  count: 'un nombre entier, 0 ou plus',
  positive: 'un nombre entier, 1 ou plus',
  number: 'un nombre',
  date: 'une date AAAA-MM-JJ',
  dateTime: 'une date et heure ISO 8601',
  lang: 'en ou fr',
  type: 'person, organization ou place',
  mentions: 'every ou first',
  color: 'une couleur #rrggbb',
  coords: 'une latitude et une longitude [lat, lon]',
  choice: 'keep, add ou replace',
};

const EN = {
  listNoName: () => 'no name: this entry is skipped',
  listBadType: (p) => `'${p.type}' is not a type Repères knows (person, organization, place): choose the type in the preview`,
  listNoType: () => 'no type given: the type chosen in the preview applies',
  listBadCoords: (p) => `'${p.raw}' is not a latitude and longitude: the coordinates are dropped`,
  listBadCountry: (p) => `'${p.raw}' is not a two-letter country code: dropped`,
  listNotAList: () => 'expected a list of entities: [ {…}, … ], { "entities": [ … ] } or Wikidata query results',
  listNoEntities: () => 'no entity found in this file',
  listTooMany: (p) => `more than ${n('en', p.max)} entities: split the file`,
  listRepeats: (p) => `repeats ${p.name}: kept once`,
  listNoNameColumn: () => 'no name column: expected name (or nom, label, itemLabel)',
  tooManyArticles: (p) => `more than ${n('en', p.max)} articles: ${p.unit} ${n('en', p.index)} is beyond the limit; split the file`,
  tooManyInImport: (p) => `more than ${n('en', p.max)} articles in one import: split the files into several collections`,
  tooBig: (p) => `${p.file} is ${p.mb} MB; the limit is ${p.limit} MB per file: split it`,
  notText: (p) => `${p.field} should be text, not ${p.kind}`,
  missingField: (p) => `the ${p.field} is missing`,
  dateImpossible: (p) => `no such day in the calendar: '${p.raw}'`,
  dateAmbiguous: (p) => `the date '${p.raw}' is ambiguous (day/month or month/day?): write it YYYY-MM-DD`,
  dateUnreadable: (p) => `'${p.raw}' is not a date this importer reads: write it YYYY-MM-DD`,
  langUnsupported: (p) => `language '${p.lang}' is not supported (en, fr)`,
  langGuessed: (p) => `language not given; guessed ${p.lang}`,
  langUnclear: () => 'language not given, and the text does not make it clear: give it (en or fr)',
  urlDropped: (p) => `'${p.url}' is not an http(s) address: the url is dropped`,
  repeats: (p) => `repeats ${p.unit} ${n('en', p.index)} (same ${p.by === 'url' ? 'url' : 'title and date'}): kept once`,
  repeatsAcross: (p) => `repeats an article of ${p.where}; kept once`,
  moreNotListed: (p) =>
    `and ${[...(Number(p.errors) > 0 ? [`${n('en', p.errors)} more error${Number(p.errors) > 1 ? 's' : ''}`] : []), ...(Number(p.warnings) > 0 ? [`${n('en', p.warnings)} more warning${Number(p.warnings) > 1 ? 's' : ''}`] : [])].join(' and ')} not listed`,
  noArticlesInFile: () => 'no articles found in this file',
  noArticleInImport: () => 'no article found in these files',
  notUtf8: () => 'not UTF-8: read as Windows-1252 (Western European)',
  emptyFile: () => 'the file is empty',
  binaryFile: () => 'looks like a binary file, not text',
  unknownFormat: (p) => `cannot tell the format of ${p.file}: Repères reads ${p.formats}`,
  unclosedQuote: () => 'a quoted field is never closed: the rest of the file was read into this row',
  undoubledQuote: () => 'a quote inside a quoted field is not doubled ("")',
  fieldCount: (p) => `this row has ${p.cells} fields, the header has ${p.width}: a delimiter or a quote is probably missing or extra`,
  missingColumns: (p) => `missing column${String(p.columns).includes(',') ? 's' : ''}: ${p.columns} (the header row has ${p.found || 'no column names'})`,
  duplicateColumn: (p) => `columns '${p.first}' and '${p.name}' both give the ${p.field}: '${p.name}' is ignored`,
  ignoredColumns: (p) => `column${String(p.names).includes(',') ? 's' : ''} ignored: ${p.names}`,
  notArticleField: (p) => `field '${p.key}' is not an article field: ignored`,
  notObjectLine: (p) => `expected one JSON object {…} per line, found ${p.kind}`,
  noArticleText: () => 'no article text found in this page',
  feedEmpty: (p) => `the feed has no ${p.unit === 'entry' ? 'entries' : 'items'}`,
  feedEmptyItem: (p) => `empty ${p.unit}`,
  notAFeed: (p) => `this XML is neither an RSS nor an Atom feed (its root element is <${p.root}>)`,
  notACollection: () => 'expected a Repères collection: a JSON object with "format": "reperes-collection"',
  notAnArticle: () => 'expected an article object {…}',
  keyMissing: (p) => `"${p.key}" is missing`,
  unknownKey: (p) => `unknown field "${p.key}" ignored`,
  noFrontMatter: () => 'expected front matter between two --- lines (title, date, lang, source…), then the article text',
  frontMatterNotMap: () => 'the front matter should be "key: value" lines',
  unknownFrontMatterKey: (p) => `unknown front matter field "${p.key}" ignored`,
  backupNotBackup: () => 'expected a Repères backup: a JSON object with "format": "reperes-backup"',
  backupVersion: (p) => `"version" is ${p.raw}: this Repères reads backups of version ${p.max}`,
  backupExpected: (p) => `${p.key}: expected ${EXPECTED_EN[String(p.expected)] ?? p.expected}, found ${p.raw}`,
  backupIdPrefix: (p) => `${p.key}: the id ${p.raw} should start with "${p.prefix}"`,
  backupNoAlias: (p) => `${p.key}: an entity needs at least one name`,
  backupDuplicateId: (p) => `${p.key}: the id ${p.raw} is already used at ${p.where}`,
  backupCountMismatch: (p) => `${p.key}: says ${n('en', p.stated)}, but ${n('en', p.actual)} follow`,
  backupBadMention: (p) => `${p.key}: this mention is not within its article's text`,
  /** A parser's or the engine's own words, which are not translated. */
  detail: (p) => `${p.what}: ${p.detail}`,
} satisfies Record<string, Template>;

export type MessageCode = keyof typeof EN;
export const MESSAGE_CODES = Object.keys(EN) as MessageCode[];

const WHAT_FR: Record<string, string> = {
  'could not read this CSV file': 'ce fichier CSV n’a pas pu être lu',
  'could not read this JSON Lines file': 'ce fichier JSON Lines n’a pas pu être lu',
  'not valid JSON': 'JSON non valide',
  'not well-formed XML': 'XML mal formé',
  'could not read this feed': 'ce flux n’a pas pu être lu',
  'could not read this collection': 'cette collection n’a pas pu être lue',
  'could not read this Markdown article': 'cet article Markdown n’a pas pu être lu',
  'could not read this page': 'cette page n’a pas pu être lue',
  'the article text could not be extracted': 'le texte de l’article n’a pas pu être extrait',
  'could not read the file as text': 'le fichier n’a pas pu être lu comme du texte',
  'front matter': 'en-tête',
  'could not read this backup': 'cette sauvegarde n’a pas pu être lue',
};

const FR: Record<MessageCode, Template> = {
  listNoName: () => 'pas de nom : cette entrée est ignorée',
  listBadType: (p) => `« ${p.type} » n’est pas un type connu (personne, organisation, lieu) : choisissez le type dans l’aperçu`,
  listNoType: () => 'type absent : le type choisi dans l’aperçu s’applique',
  listBadCoords: (p) => `« ${p.raw} » n’est pas une latitude et une longitude : coordonnées ignorées`,
  listBadCountry: (p) => `« ${p.raw} » n’est pas un code de pays à deux lettres : ignoré`,
  listNotAList: () => 'une liste d’entités est attendue : [ {…}, … ], { "entities": [ … ] } ou des résultats de requête Wikidata',
  listNoEntities: () => 'aucune entité trouvée dans ce fichier',
  listTooMany: (p) => `plus de ${n('fr', p.max)} entités : découpez le fichier`,
  listRepeats: (p) => `${p.name} est répété : gardé une fois`,
  listNoNameColumn: () => 'pas de colonne de nom : name (ou nom, label, itemLabel) est attendue',
  tooManyArticles: (p) => `plus de ${n('fr', p.max)} articles : la ${fr.unit(p.unit)} ${n('fr', p.index)} dépasse la limite ; découpez le fichier`,
  tooManyInImport: (p) => `plus de ${n('fr', p.max)} articles en un import : répartissez les fichiers en plusieurs collections`,
  tooBig: (p) => `${p.file} fait ${String(p.mb).replace('.', ',')} Mo ; la limite est de ${String(p.limit).replace('.', ',')} Mo par fichier : découpez-le`,
  notText: (p) => `le champ ${fr.field(p.field)} devrait être du texte, pas ${KIND_FR[String(p.kind)] ?? p.kind}`,
  missingField: (p) => (p.field === 'date' || p.field === 'url' || p.field === 'source' ? `la ${fr.field(p.field)} manque` : `le ${fr.field(p.field)} manque`),
  dateImpossible: (p) => `ce jour n’existe pas dans le calendrier : « ${p.raw} »`,
  dateAmbiguous: (p) => `la date « ${p.raw} » est ambiguë (jour/mois ou mois/jour ?) : écrivez-la AAAA-MM-JJ`,
  dateUnreadable: (p) => `« ${p.raw} » n’est pas une date lisible : écrivez-la AAAA-MM-JJ`,
  langUnsupported: (p) => `la langue « ${p.lang} » n’est pas prise en charge (en, fr)`,
  langGuessed: (p) => `langue non indiquée ; devinée : ${p.lang}`,
  langUnclear: () => 'langue non indiquée, et le texte ne permet pas de la deviner : indiquez-la (en ou fr)',
  urlDropped: (p) => `« ${p.url} » n’est pas une adresse http(s) : l’url est ignorée`,
  repeats: (p) => `reprend la ${fr.unit(p.unit)} ${n('fr', p.index)} (${p.by === 'url' ? 'même url' : 'même titre et même date'}) : gardé une fois`,
  repeatsAcross: (p) => `reprend un article de ${p.whereFr ?? p.where} ; gardé une fois`,
  moreNotListed: (p) =>
    `et ${[...(Number(p.errors) > 0 ? [`${n('fr', p.errors)} autre${Number(p.errors) > 1 ? 's' : ''} erreur${Number(p.errors) > 1 ? 's' : ''}`] : []), ...(Number(p.warnings) > 0 ? [`${n('fr', p.warnings)} autre${Number(p.warnings) > 1 ? 's' : ''} avertissement${Number(p.warnings) > 1 ? 's' : ''}`] : [])].join(' et ')} non listés`,
  noArticlesInFile: () => 'aucun article trouvé dans ce fichier',
  noArticleInImport: () => 'aucun article trouvé dans ces fichiers',
  notUtf8: () => 'pas en UTF-8 : lu comme du Windows-1252 (Europe occidentale)',
  emptyFile: () => 'le fichier est vide',
  binaryFile: () => 'ce fichier semble binaire, pas du texte',
  unknownFormat: (p) => `impossible de reconnaître le format de ${p.file} : Repères lit ${p.formatsFr ?? p.formats}`,
  unclosedQuote: () => 'un champ entre guillemets n’est jamais fermé : la suite du fichier a été lue dans cette ligne',
  undoubledQuote: () => 'un guillemet dans un champ entre guillemets n’est pas doublé ("")',
  fieldCount: (p) => `cette ligne a ${p.cells} champs, l’en-tête en a ${p.width} : un séparateur ou un guillemet manque ou est en trop`,
  missingColumns: (p) =>
    `colonne${String(p.columns).includes(',') ? 's' : ''} manquante${String(p.columns).includes(',') ? 's' : ''} : ${p.columns} (la ligne d’en-tête contient ${p.found || 'aucun nom de colonne'})`,
  duplicateColumn: (p) => `les colonnes « ${p.first} » et « ${p.name} » donnent toutes deux le ${fr.field(p.field)} : « ${p.name} » est ignorée`,
  ignoredColumns: (p) => `colonne${String(p.names).includes(',') ? 's' : ''} ignorée${String(p.names).includes(',') ? 's' : ''} : ${p.names}`,
  notArticleField: (p) => `le champ « ${p.key} » n’est pas un champ d’article : ignoré`,
  notObjectLine: (p) => `un objet JSON {…} par ligne est attendu, trouvé : ${KIND_FR[String(p.kind)] ?? p.kind}`,
  noArticleText: () => 'aucun texte d’article trouvé dans cette page',
  feedEmpty: (p) => `le flux ne contient aucun${p.unit === 'entry' ? 'e entrée' : ' élément'}`,
  feedEmptyItem: (p) => `${p.unit === 'entry' ? 'entrée vide' : 'élément vide'}`,
  notAFeed: (p) => `ce XML n’est ni un flux RSS ni un flux Atom (son élément racine est <${p.root}>)`,
  notACollection: () => 'une collection Repères est attendue : un objet JSON avec "format": "reperes-collection"',
  notAnArticle: () => 'un objet article {…} est attendu',
  keyMissing: (p) => `« ${p.key} » manque`,
  unknownKey: (p) => `champ inconnu « ${p.key} » ignoré`,
  noFrontMatter: () => 'un en-tête entre deux lignes --- est attendu (title, date, lang, source…), puis le texte de l’article',
  frontMatterNotMap: () => 'l’en-tête doit être fait de lignes « clé: valeur »',
  unknownFrontMatterKey: (p) => `champ d’en-tête inconnu « ${p.key} » ignoré`,
  backupNotBackup: () => 'une sauvegarde Repères est attendue : un objet JSON avec "format": "reperes-backup"',
  backupVersion: (p) => `« version » vaut ${p.raw} : ce Repères lit les sauvegardes de version ${p.max}`,
  backupExpected: (p) => `${p.key} : il faut ${EXPECTED_FR[String(p.expected)] ?? p.expected}, pas ${p.raw}`,
  backupIdPrefix: (p) => `${p.key} : l’identifiant ${p.raw} devrait commencer par « ${p.prefix} »`,
  backupNoAlias: (p) => `${p.key} : une entité a besoin d’au moins un nom`,
  backupDuplicateId: (p) => `${p.key} : l’identifiant ${p.raw} est déjà utilisé en ${p.where}`,
  backupCountMismatch: (p) => `${p.key} : annonce ${n('fr', p.stated)}, mais ${n('fr', p.actual)} suivent`,
  backupBadMention: (p) => `${p.key} : cette mention n’est pas dans le texte de son article`,
  detail: (p) => `${WHAT_FR[String(p.what)] ?? p.what} : ${p.detail}`,
};

/** A coded message: its code and parameters, and its English text. */
export interface Said {
  code: MessageCode;
  params: Params;
  message: string;
}

export function said(code: MessageCode, params: Params = {}): Said {
  return { code, params, message: withPrefix(EN[code](params), params, 'en') };
}

/** "item 3: …" when the record is named in the message (feeds, collections), not by a line or row. */
function withPrefix(text: string, params: Params, lang: Lang): string {
  if (params.atUnit === undefined) return text;
  const unit = lang === 'fr' ? fr.unit(params.atUnit) : String(params.atUnit);
  return `${unit} ${n(lang, params.atIndex)}${lang === 'fr' ? ' : ' : ': '}${text}`;
}

/** A file refused for its size, before it is read. */
export function tooBigMessage(file: string, bytes: number): Said {
  const mb = (x: number) => (x / (1024 * 1024)).toFixed(1);
  return said('tooBig', { file, mb: mb(bytes), limit: mb(MAX_FILE_BYTES) });
}

/** A problem's text in the reader's language. */
export function problemText(p: Problem, lang: Lang): string {
  if (!p.code || lang === 'en' || !(p.code in FR)) return p.message;
  const params = p.params ?? {};
  return withPrefix(FR[p.code as MessageCode](params), params, lang);
}

/** A field's name in the reader's language. */
export function fieldText(field: string, lang: Lang): string {
  return lang === 'fr' ? fr.field(field) : field;
}

/** Where a problem is, in the reader's language: "a.csv, row 7" / "a.csv, ligne 7". */
export function placeText(o: { file: string; line?: number; row?: number }, lang: Lang): string {
  const at = o.row ?? o.line;
  if (at === undefined) return o.file;
  if (lang === 'fr') return `${o.file}, ligne ${at}`;
  return `${o.file}, ${o.row !== undefined ? 'row' : 'line'} ${at}`;
}

/** What an exception says, for a problem's detail. */
export function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

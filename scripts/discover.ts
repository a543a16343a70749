// npm run --silent discover -- [--json] [--lang en|fr] FILE
// Prints the proper names of a .txt or .html file that Repères does not know
// (core/discover), with a guessed type each. Offsets are UTF-16 code units:
// into the file's text for .txt, and for .html into its visible text as the
// content script extracts it (scripts/annotate.ts's visibleText). The
// language is told from the text's function words (core/import/fields.ts's
// guessLang) unless given; the known entities are the dataset's in data/,
// as `npm run annotate` reads them.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spotterEntries } from '../core/compile';
import { countCandidates, discoverNames } from '../core/discover';
import { guessLang } from '../core/import/fields';
import { buildIndex } from '../core/spotter';
import { visibleText } from './annotate';
import { checkData, DATA_DIR } from './check-data';

const USAGE = 'usage: discover [--json] [--lang en|fr] FILE (.txt or .html)';

function fail(message: string): never {
  process.stderr.write(`discover: ${message}\n`);
  process.exit(2);
}

function main(argv: string[]): void {
  let json = false;
  let lang: 'en' | 'fr' | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
      if (value !== 'en' && value !== 'fr') fail(`--lang takes en or fr, not ${value ?? 'nothing'} (${USAGE})`);
      lang = value;
    } else if (arg === '--help' || arg === '-h') {
      console.log(`${USAGE.replace('discover', 'npm run --silent discover --')}`);
      return;
    } else if (arg.startsWith('-')) fail(`unknown option ${arg} (${USAGE})`);
    else files.push(arg);
  }
  if (files.length !== 1) fail(files.length === 0 ? `no file given (${USAGE})` : 'give one file');
  const file = files[0]!;
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const text = /^\.html?$/i.test(extname(file)) ? visibleText(raw) : raw;
  lang ??= guessLang(text) ?? fail(`cannot tell the language of ${file}: give --lang en or --lang fr`);
  const { dataset } = checkData(DATA_DIR);
  if (!dataset) fail('the dataset in data/ has errors: run npm run data:check');
  const index = buildIndex(spotterEntries(dataset.entities, dataset.stopPhrases));
  const candidates = discoverNames(text, lang, index);
  if (json) {
    process.stdout.write(`${JSON.stringify({ candidates: candidates.map(({ start, end, text, type }) => ({ start, end, text, type })) })}\n`);
    return;
  }
  for (const c of candidates) console.log(`${c.start}-${c.end}\t${c.text}\t(${c.type})`);
  const names = countCandidates(candidates);
  console.log(`${candidates.length} mention(s) of ${names.length} unknown name(s), ${lang}`);
  for (const n of names) console.log(`${String(n.count).padStart(4)}  ${n.text} (${n.type})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));

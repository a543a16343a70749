// npm run --silent entities:preview -- --json [--type TYPE] FILE
// Prints what the options page's preview of a list of names would show, with
// the same parsers: {"entities":[{"name","type","aliases","description"}],
// "problems":[{"line","severity","message"}]}. `--type` gives the type of the
// entries the file gives none. A file that cannot be read: one line on
// stderr, exit code 2.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { previewList } from '../core/entity-lists/preview';
import { typeOf } from '../core/entity-lists/parse';
import { decodeBytes } from '../core/import/decode';
import { MAX_FILE_BYTES } from '../core/import/types';
import type { EntityType } from '../core/model';

const USAGE = 'usage: npm run --silent entities:preview -- [--json] [--type person|organization|place] FILE';

function fail(message: string): never {
  process.stderr.write(`entities:preview: ${message}\n`);
  process.exit(2);
}

function main(argv: string[]): void {
  let json = false;
  let type: EntityType | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--type') {
      const t = typeOf(argv[++i] ?? '');
      if (!t) fail(`--type takes person, organization or place (${USAGE})`);
      type = t;
    } else if (arg === '--help' || arg === '-h') return void console.log(USAGE);
    else if (arg.startsWith('-')) fail(`unknown option ${arg} (${USAGE})`);
    else files.push(arg);
  }
  if (files.length !== 1) fail(files.length === 0 ? `no file given (${USAGE})` : 'give one file');
  const file = files[0]!;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (bytes.length > MAX_FILE_BYTES) fail(`${file} is over ${MAX_FILE_BYTES / (1024 * 1024)} MB`);
  const decoded = decodeBytes(bytes, file);
  if ('severity' in decoded) fail(`cannot read ${file}: ${decoded.message}`);
  // Known names are the extension's business: the command previews the file alone.
  const preview = previewList(decoded.text, file, new Map());
  const entities = preview.drafts.map((d) => ({ name: d.name, type: d.type ?? type ?? null, aliases: d.aliases, description: d.description }));
  const problems = preview.problems.map((p) => ({ line: p.line ?? p.row ?? null, severity: p.severity, message: p.message }));
  if (json) return void process.stdout.write(`${JSON.stringify({ entities, problems })}\n`);
  for (const e of entities) console.log(`${e.name}\t${e.type ?? '(type to choose)'}\t${e.aliases.join(' | ')}\t${e.description}`);
  for (const p of problems) console.log(`${p.severity} ${p.line === null ? '' : `line ${p.line}: `}${p.message}`);
  console.log(`${entities.length} entities, ${problems.length} problem(s)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));

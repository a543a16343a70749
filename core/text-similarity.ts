// Text similarity between a page's title and the dataset's titles and
// summaries: cosine of tf-idf vectors over folded words. Words of three
// letters or fewer are left out (articles, "de", "the"), and so is what
// every article says.

import { tokenize } from './normalize';

export type Vector = Map<string, number>;

/** Similarity of a text with a set of documents: document id → cosine (0…1), for those sharing a word. */
export interface Similarity {
  similar(text: string): Map<string, number>;
}

/** One term of a TextIndex, as the background stores it: its idf, and each document holding it with its weight. */
export interface TermEntry {
  term: string;
  idf: number;
  postings: [string, number][];
}

function terms(text: string): string[] {
  return tokenize(text)
    .map((t) => t.norm)
    .filter((w) => w.length > 3);
}

/** The words of `text` the similarity weighs, each once: those a query needs the entries of. */
export function queryTerms(text: string): string[] {
  return [...new Set(terms(text))];
}

/** The query's vector, normalised, from the idf of its words (a word no document weighs is left out). */
function queryVector(words: string[], idfOf: (w: string) => number | undefined): Vector {
  const v: Vector = new Map();
  for (const w of words) {
    const idf = idfOf(w);
    if (idf) v.set(w, (v.get(w) ?? 0) + idf);
  }
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [w, x] of v) v.set(w, x / norm);
  return v;
}

/** Cosine similarity of `text` with every document sharing a word, from the entries of its words. */
function cosine(
  text: string,
  idfOf: (w: string) => number | undefined,
  postingsOf: (w: string) => readonly [string, number][] | undefined,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [w, x] of queryVector(terms(text), idfOf)) {
    for (const [id, y] of postingsOf(w) ?? []) out.set(id, (out.get(id) ?? 0) + x * y);
  }
  return out;
}

export class TextIndex implements Similarity {
  private readonly idf = new Map<string, number>();
  /** term → [document id, weight] for every document holding it (an inverted index). */
  private readonly postings = new Map<string, [string, number][]>();

  constructor(docs: { id: string; text: string }[]) {
    const df = new Map<string, number>();
    const tokens = docs.map((d) => ({ id: d.id, terms: terms(d.text) }));
    for (const d of tokens) for (const w of new Set(d.terms)) df.set(w, (df.get(w) ?? 0) + 1);
    for (const [w, n] of df) this.idf.set(w, Math.log((1 + docs.length) / (1 + n)));
    for (const d of tokens) {
      for (const [w, x] of this.vector(d.terms)) {
        const list = this.postings.get(w);
        if (list) list.push([d.id, x]);
        else this.postings.set(w, [[d.id, x]]);
      }
    }
  }

  private vector(words: string[]): Vector {
    return queryVector(words, (w) => this.idf.get(w));
  }

  /** Cosine similarity (0…1) of `text` with every document that shares a word. */
  similar(text: string): Map<string, number> {
    return cosine(
      text,
      (w) => this.idf.get(w),
      (w) => this.postings.get(w),
    );
  }

  /** Every term a document holds with some weight: what `TermSimilarity` needs, stored. */
  *entries(): Generator<TermEntry> {
    for (const [term, postings] of this.postings) yield { term, idf: this.idf.get(term)!, postings };
  }
}

/**
 * A TextIndex's similarity from the entries of a query's words alone
 * (`queryTerms`): the same figures, with no need for every document.
 */
export class TermSimilarity implements Similarity {
  private readonly byTerm: ReadonlyMap<string, TermEntry>;

  constructor(entries: Iterable<TermEntry>) {
    this.byTerm = new Map([...entries].map((e) => [e.term, e]));
  }

  similar(text: string): Map<string, number> {
    return cosine(
      text,
      (w) => this.byTerm.get(w)?.idf,
      (w) => this.byTerm.get(w)?.postings,
    );
  }
}

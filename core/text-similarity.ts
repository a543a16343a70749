// Text similarity between a page's title and the dataset's titles and
// summaries: cosine of tf-idf vectors over folded words. Words of three
// letters or fewer are left out (articles, "de", "the"), and so is what
// every article says.

import { tokenize } from './normalize';

export type Vector = Map<string, number>;

function terms(text: string): string[] {
  return tokenize(text)
    .map((t) => t.norm)
    .filter((w) => w.length > 3);
}

export class TextIndex {
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
    const v: Vector = new Map();
    for (const w of words) {
      const idf = this.idf.get(w);
      if (idf) v.set(w, (v.get(w) ?? 0) + idf);
    }
    let norm = 0;
    for (const x of v.values()) norm += x * x;
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [w, x] of v) v.set(w, x / norm);
    return v;
  }

  /** Cosine similarity (0…1) of `text` with every document that shares a word. */
  similar(text: string): Map<string, number> {
    const out = new Map<string, number>();
    for (const [w, x] of this.vector(terms(text))) {
      for (const [id, y] of this.postings.get(w) ?? []) out.set(id, (out.get(id) ?? 0) + x * y);
    }
    return out;
  }
}

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
  private readonly vectors = new Map<string, Vector>();

  constructor(docs: { id: string; text: string }[]) {
    const df = new Map<string, number>();
    const tokens = docs.map((d) => ({ id: d.id, terms: terms(d.text) }));
    for (const d of tokens) for (const w of new Set(d.terms)) df.set(w, (df.get(w) ?? 0) + 1);
    for (const [w, n] of df) this.idf.set(w, Math.log((1 + docs.length) / (1 + n)));
    for (const d of tokens) this.vectors.set(d.id, this.vector(d.terms));
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
    const q = this.vector(terms(text));
    const out = new Map<string, number>();
    if (q.size === 0) return out;
    for (const [id, v] of this.vectors) {
      let dot = 0;
      for (const [w, x] of q) dot += x * (v.get(w) ?? 0);
      if (dot > 0) out.set(id, dot);
    }
    return out;
  }
}

// Draws highlights with the CSS Custom Highlight API: one Highlight per
// category, so switching a category on or off is a set or a delete on
// CSS.highlights, never a rescan, and the page's DOM is never touched.
// The ::highlight() rules must live in the page's own styles (a shadow
// root's styles do not reach page text), so they go in through a
// constructed stylesheet adopted by the document.

import type { Namesakes } from '../core/cards';
import type { EntityType } from '../core/model';
import { addPageStyles } from './page-styles';

export interface Mark {
  entity: string;
  type: EntityType;
  /** The namesakes the page's context chose this entity over, for the card's "Did you mean…". */
  namesakes?: Namesakes;
  /** Static where the browser has StaticRange (see ranges.ts); live for the wrapper fallback. */
  range: AbstractRange;
}

/**
 * What draws marks on a page: `Highlighter`, the CSS Custom Highlight API,
 * which leaves the DOM untouched (every browser Repères supports has it; the
 * manifests say which versions). An interface so that tests can watch what
 * is painted.
 */
export interface MarkPainter {
  /** Replaces every mark with `marks`. */
  setMarks(marks: readonly Mark[]): void;
  /** Adds and removes marks in place: the live scanner rescans only what changed. */
  add(marks: readonly Mark[]): void;
  remove(marks: readonly Mark[]): void;
  /** Shows or hides a whole category at once. */
  setEnabled(type: EntityType, on: boolean): void;
  /** Removes every mark and anything the painter added to the page. */
  destroy(): void;
  /** Makes marks inside an open shadow root visible (styles do not cross into shadow trees). */
  styleShadowRoot?(root: ShadowRoot): void;
}

const NAME: Record<EntityType, string> = {
  person: 'reperes-person',
  organization: 'reperes-organization',
  place: 'reperes-place',
};

// Translucent fills over a solid underline: the text keeps the page's own
// colour, so it stays readable on light and dark backgrounds alike.
export const HIGHLIGHT_CSS = `
::highlight(reperes-person) { background-color: rgb(255 176 0 / 0.30); text-decoration: underline 2px rgb(214 134 0); }
::highlight(reperes-organization) { background-color: rgb(64 140 255 / 0.26); text-decoration: underline 2px rgb(40 110 230); }
::highlight(reperes-place) { background-color: rgb(30 200 120 / 0.26); text-decoration: underline 2px rgb(20 150 90); }
`;

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class Highlighter implements MarkPainter {
  private readonly highlights = new Map<EntityType, Highlight>();
  private readonly removeStyles: (() => void)[] = [];
  private readonly styled = new WeakSet<ShadowRoot>();

  constructor(doc: Document) {
    for (const type of Object.keys(NAME) as EntityType[]) this.highlights.set(type, new Highlight());
    this.removeStyles.push(addPageStyles(doc, HIGHLIGHT_CSS));
  }

  /** Highlights inside an open shadow root need the rules in that tree too. */
  styleShadowRoot(root: ShadowRoot): void {
    if (this.styled.has(root)) return;
    this.styled.add(root);
    this.removeStyles.push(addPageStyles(root, HIGHLIGHT_CSS));
  }

  /** Replaces every mark with `marks`. */
  setMarks(marks: readonly Mark[]): void {
    for (const h of this.highlights.values()) h.clear();
    for (const m of marks) this.highlights.get(m.type)!.add(m.range);
  }

  add(marks: readonly Mark[]): void {
    for (const m of marks) this.highlights.get(m.type)!.add(m.range);
  }

  remove(marks: readonly Mark[]): void {
    for (const m of marks) this.highlights.get(m.type)!.delete(m.range);
  }

  /** Shows or hides a category at once. */
  setEnabled(type: EntityType, on: boolean): void {
    if (on) {
      CSS.highlights.set(NAME[type], this.highlights.get(type)!);
    } else {
      CSS.highlights.delete(NAME[type]);
    }
  }

  destroy(): void {
    for (const type of Object.keys(NAME) as EntityType[]) {
      if (CSS.highlights.get(NAME[type]) === this.highlights.get(type)) CSS.highlights.delete(NAME[type]);
    }
    for (const remove of this.removeStyles.splice(0)) remove();
  }
}

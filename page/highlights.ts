// Draws highlights with the CSS Custom Highlight API: one Highlight per
// category, so switching a category on or off is a set or a delete on
// CSS.highlights, never a rescan, and the page's DOM is never touched.
// The ::highlight() rules must live in the page's own styles (a shadow
// root's styles do not reach page text), so they go in through a
// constructed stylesheet adopted by the document.

import type { EntityType } from '../core/model';
import type { MatchHow } from '../core/resolve';
import { DEFAULT_APPEARANCE, HIGHLIGHT_NAME as NAME, highlightCss, type Appearance } from '../core/appearance';
import { addPageStyles, type PageStyles } from './page-styles';
import { ViewportPainter, type ViewportPainterOptions } from './viewport-painter';

export interface Mark {
  entity: string;
  type: EntityType;
  /** How it was matched, when there is more to say than "one of its names" (core/resolve.ts): the card says it. */
  how?: MatchHow;
  /** Static where the browser has StaticRange (see ranges.ts); live for the wrapper fallback. */
  range: AbstractRange;
}

/**
 * What draws marks on a page: `Highlighter`, the CSS Custom Highlight API,
 * which leaves the DOM untouched (every browser Repères supports has it; the
 * manifests say which versions), for the marks near the viewport
 * (viewport-painter.ts). An interface so that tests can watch what is
 * painted.
 */
/** Where marks come from: a scan of the page, or a change to it not yet rendered. */
export type MarkSource = 'scan' | 'change';

export interface MarkPainter {
  /** Replaces every mark with `marks`. */
  setMarks(marks: readonly Mark[]): void;
  /**
   * Adds and removes marks in place: the live scanner rescans only what
   * changed. `from`: found by a scan, or in a change to the page the
   * browser is about to render (see ViewportPainter).
   */
  add(marks: readonly Mark[], from?: MarkSource): void;
  remove(marks: readonly Mark[]): void;
  /** Shows or hides a whole category at once. */
  setEnabled(type: EntityType, on: boolean): void;
  /** Removes every mark and anything the painter added to the page. */
  destroy(): void;
  /** Makes marks inside an open shadow root visible (styles do not cross into shadow trees). */
  styleShadowRoot?(root: ShadowRoot): void;
  /** The reader's colours and fill (core/appearance.ts). */
  setAppearance?(appearance: Appearance): void;
}

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Every mark it is given, in one Highlight per category. */
export class HighlightSets implements MarkPainter {
  private readonly highlights = new Map<EntityType, Highlight>();
  private readonly styles: PageStyles[] = [];
  private readonly styled = new WeakSet<ShadowRoot>();
  private css = highlightCss(DEFAULT_APPEARANCE);

  constructor(doc: Document) {
    for (const type of Object.keys(NAME) as EntityType[]) this.highlights.set(type, new Highlight());
    this.styles.push(addPageStyles(doc, this.css));
  }

  /** Highlights inside an open shadow root need the rules in that tree too. */
  styleShadowRoot(root: ShadowRoot): void {
    if (this.styled.has(root)) return;
    this.styled.add(root);
    this.styles.push(addPageStyles(root, this.css));
  }

  setAppearance(appearance: Appearance): void {
    const css = highlightCss(appearance);
    if (css === this.css) return;
    this.css = css;
    for (const s of this.styles) s.update(css);
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
    for (const s of this.styles.splice(0)) s.remove();
  }
}

/** The painter that ships: the marks near the viewport, in HighlightSets. */
export class Highlighter extends ViewportPainter {
  constructor(doc: Document, opts?: ViewportPainterOptions) {
    super(doc, new HighlightSets(doc), opts);
  }
}

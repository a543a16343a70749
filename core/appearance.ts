// How highlights look: a colour per category, a fill or none, and an
// underline style per category so that people, organisations and places are
// told apart without colour (in greyscale, in forced colours, and by readers
// with a colour-vision deficiency). The CSS is made here, from the reader's
// settings; page/highlights.ts puts it into the page.

import type { EntityType } from './model';

export interface Appearance {
  /** Underline (and fill) colour per category, as #rrggbb. */
  colors: Record<EntityType, string>;
  /** A translucent fill under the name; off leaves the underline only. */
  fill: boolean;
}

/**
 * The default colours were chosen among hues with at least 3:1 contrast on
 * white and on a dark page for the largest smallest difference between any
 * two of them (CIELAB distance), seen normally and through simulations of
 * protanopia, deuteranopia and tritanopia (tests/core/appearance.test.ts
 * holds them to it).
 */
export const DEFAULT_APPEARANCE: Appearance = {
  colors: { person: '#ff5500', organization: '#aa00ff', place: '#29a3a3' },
  fill: true,
};

/** Told apart without colour: a line, two lines, dots. */
export const UNDERLINE_STYLE: Record<EntityType, 'solid' | 'double' | 'dotted'> = {
  person: 'solid',
  organization: 'double',
  place: 'dotted',
};

export const HIGHLIGHT_NAME: Record<EntityType, string> = {
  person: 'reperes-person',
  organization: 'reperes-organization',
  place: 'reperes-place',
};

const TYPES: readonly EntityType[] = ['person', 'organization', 'place'];

export function isHexColor(s: unknown): s is string {
  return typeof s === 'string' && /^#[0-9a-f]{6}$/i.test(s);
}

/** A translucent version of a #rrggbb colour: the page's text keeps its own colour over it. */
function translucent(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r} ${g} ${b} / 0.22)`;
}

/**
 * The ::highlight() rules for an appearance. In forced colours (Windows high
 * contrast) the page's colours give way to the system's: the fill becomes
 * the system's mark colour and the underline its text colour, and the
 * underline styles still tell the categories apart.
 */
export function highlightCss(a: Appearance): string {
  const rules = TYPES.map((type) => {
    const color = isHexColor(a.colors[type]) ? a.colors[type] : DEFAULT_APPEARANCE.colors[type];
    const fill = a.fill ? `background-color: ${translucent(color)}; ` : '';
    return `::highlight(${HIGHLIGHT_NAME[type]}) { ${fill}text-decoration: underline ${UNDERLINE_STYLE[type]} 2px ${color}; }`;
  });
  const forced = TYPES.map(
    (type) =>
      `::highlight(${HIGHLIGHT_NAME[type]}) { background-color: Mark; color: MarkText; text-decoration: underline ${UNDERLINE_STYLE[type]} 2px CanvasText; }`,
  );
  return `${rules.join('\n')}\n@media (forced-colors: active) {\n${forced.join('\n')}\n}\n`;
}

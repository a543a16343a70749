// The highlights' look: the default colours stay apart for readers with a
// colour-vision deficiency, and the categories differ by underline style too.
import { describe, expect, it } from 'vitest';
import { DEFAULT_APPEARANCE, highlightCss, UNDERLINE_STYLE } from '../../core/appearance';
import type { EntityType } from '../../core/model';

/** Machado, Oliveira and Fernandes (2009), severity 1, applied to linear RGB. */
const SIMULATIONS: Record<string, number[][] | null> = {
  'normal vision': null,
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const rgb = (hex: string) => [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16) / 255)) as [number, number, number];

function lab([r, g, b]: [number, number, number]): [number, number, number] {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function seen(hex: string, m: number[][] | null): [number, number, number] {
  const c = rgb(hex);
  if (!m) return lab(c);
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return lab(m.map((row) => clamp(row[0]! * c[0] + row[1]! * c[1] + row[2]! * c[2])) as [number, number, number]);
}

const luminance = (hex: string) => {
  const [r, g, b] = rgb(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

const TYPES: EntityType[] = ['person', 'organization', 'place'];

describe('the default highlight colours', () => {
  it.each(Object.entries(SIMULATIONS))('stay far apart with %s (CIELAB distance over 40 for every pair)', (_, matrix) => {
    const colours = TYPES.map((t) => seen(DEFAULT_APPEARANCE.colors[t], matrix));
    for (let i = 0; i < colours.length; i++)
      for (let j = i + 1; j < colours.length; j++) expect(Math.hypot(...colours[i]!.map((v, k) => v - colours[j]![k]!))).toBeGreaterThan(40);
  });

  it('have 3:1 contrast as underlines on a white page and on a dark one', () => {
    for (const t of TYPES) {
      expect(contrast(DEFAULT_APPEARANCE.colors[t], '#ffffff')).toBeGreaterThanOrEqual(3);
      expect(contrast(DEFAULT_APPEARANCE.colors[t], '#1f2228')).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('highlightCss', () => {
  it('gives each category its own underline style, so they differ without colour', () => {
    expect(new Set(Object.values(UNDERLINE_STYLE)).size).toBe(3);
    const css = highlightCss(DEFAULT_APPEARANCE);
    for (const t of TYPES) expect(css).toContain(`::highlight(reperes-${t}) { background-color: `);
    expect(css).toContain('text-decoration: underline solid 2px #ff5500');
    expect(css).toContain('text-decoration: underline double 2px #aa00ff');
    expect(css).toContain('text-decoration: underline dotted 2px #29a3a3');
  });

  it('leaves the fill out when the reader turns it off, and uses system colours in forced-colors mode', () => {
    const css = highlightCss({ ...DEFAULT_APPEARANCE, fill: false });
    const [normal, forced] = css.split('@media (forced-colors: active)') as [string, string];
    expect(normal).not.toContain('background-color');
    expect(forced).toContain('background-color: Mark; color: MarkText; text-decoration: underline dotted 2px CanvasText');
  });

  it('takes a reader colour, and falls back to the default for anything that is not #rrggbb', () => {
    const css = highlightCss({ fill: true, colors: { person: '#123456', organization: 'red; } body { display: none', place: '#29a3a3' } });
    expect(css).toContain('underline solid 2px #123456');
    expect(css).toContain('rgb(18 52 86 / 0.22)');
    expect(css).not.toContain('display: none');
    expect(css).toContain('underline double 2px #aa00ff');
  });
});

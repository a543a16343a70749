// @vitest-environment happy-dom
// The live scanner with the painter that ships, the Highlight API (a
// stand-in here: happy-dom has none).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LARGE_CHANGE_CHARS, STORM_RECORDS } from '../../page/live-scanner';
import { compareRanges } from '../../page/shadow';
import { SHOW_ALL } from '../../core/visibility';
import { projectIndex } from '../helpers';
import { FakeStaticRange, fakeScannerTimers, inPlacePainter, installHighlightStandIn, liveScanner, settle, started } from './live';

const index = projectIndex();
const registry = installHighlightStandIn();
let controller: AbortController | null = null;

beforeEach(fakeScannerTimers);
afterEach(() => {
  controller?.abort();
  document.body.innerHTML = '';
  vi.useRealTimers();
});

async function live(html: string) {
  document.body.innerHTML = html;
  const onChange = vi.fn();
  const made = liveScanner(index, undefined, onChange);
  controller = made.controller;
  // The categories are shown (the controller does this from the settings).
  made.scanner.setVisibility(SHOW_ALL);
  await started(made.scanner);
  return { scanner: made.scanner, onChange };
}

/** A live scanner started on `html`, painting in place like the Highlight API: the incremental path. */
async function liveInPlace(html: string) {
  document.body.innerHTML = html;
  const made = liveScanner(index, inPlacePainter());
  controller = made.controller;
  await started(made.scanner);
  return made.scanner;
}

/** The text of every painted range, in document order. */
const names = () =>
  [...registry.values()]
    .flatMap((h) => [...h])
    .sort(compareRanges)
    .map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });

describe('LiveScanner (Highlight API)', () => {
  it('paints the names of the page and reports the change', async () => {
    const { scanner, onChange } = await live('<p>Zamir Kabulov spoke in <b>Kabul</b>.</p>');
    expect(scanner.all.map((m) => m.entity)).toEqual(['zamir-kabulov', 'kabul']);
    expect(names()).toEqual(['Zamir Kabulov', 'Kabul']);
    expect(onChange).toHaveBeenCalled();
  });

  it('follows added and removed text, and edited text', async () => {
    const { scanner } = await live('<div id="feed"><p id="a">Zamir Kabulov spoke.</p></div>');
    const p = document.createElement('p');
    p.textContent = 'Then Imran Khan answered from Islamabad.';
    document.getElementById('feed')!.append(p);
    await settle();
    expect(scanner.all.map((m) => m.entity)).toEqual(['zamir-kabulov', 'imran-khan', 'islamabad']);
    document.getElementById('a')!.remove();
    await settle();
    expect(scanner.all.map((m) => m.entity)).toEqual(['imran-khan', 'islamabad']);
    expect(names()).toEqual(['Imran Khan', 'Islamabad']);
  });

  it('never changes the page, and leaves no highlight behind when torn down', async () => {
    const html = '<p>Zamir <b>Kabulov</b> in Kabul and Mazar-i-Sharif.</p>';
    await live(html);
    expect(document.body.innerHTML).toBe(html);
    expect(names()).toHaveLength(3);
    controller!.abort();
    expect(document.body.innerHTML).toBe(html);
    expect(names()).toEqual([]);
  });
});

describe('LiveScanner order (incremental path)', () => {
  it('keeps marks in document order when text is added above existing text', async () => {
    const scanner = await liveInPlace('<div id="feed"><p>Zamir Kabulov spoke.</p></div>');
    const p = document.createElement('p');
    p.textContent = 'Earlier, Imran Khan answered.';
    document.getElementById('feed')!.prepend(p);
    await settle();
    expect(scanner.all.map((m) => m.entity)).toEqual(['imran-khan', 'zamir-kabulov']);
  });
});

describe('LiveScanner removals (incremental path)', () => {
  const feed = '<div id="feed"><p id="a">Zamir Kabulov spoke.</p><p id="b">Imran Khan answered.</p><p id="c">Sergey Lavrov left.</p></div>';

  it('drops the marks of a block taken away without rescanning the rest of its container', async () => {
    document.body.innerHTML = feed;
    const added: unknown[] = [];
    const made = liveScanner(index, inPlacePainter({ add: (m) => void added.push(...m) }));
    controller = made.controller;
    await started(made.scanner);
    expect(added.length).toBe(3);
    document.getElementById('b')!.remove();
    await settle();
    expect(made.scanner.all.map((m) => m.entity)).toEqual(['zamir-kabulov', 'sergey-lavrov']);
    // Nothing was found again: the feed was not rescanned.
    expect(added.length).toBe(3);
  });

  it('an edit and a removal in the same container in one frame: each name once', async () => {
    const scanner = await liveInPlace(feed);
    (document.getElementById('c')!.firstChild as Text).data = 'Sergey Lavrov left Kabul.';
    document.getElementById('a')!.remove();
    await settle();
    expect(scanner.all.map((m) => m.entity)).toEqual(['imran-khan', 'sergey-lavrov', 'kabul']);
  });

  it('taking away an inline element rescans its block: the words around it may now form a name', async () => {
    const scanner = await liveInPlace('<p>Imran<span id="x"> (then premier) </span> Khan spoke.</p>');
    expect(scanner.all.map((m) => m.entity)).toEqual([]);
    document.getElementById('x')!.remove();
    await settle();
    expect(scanner.all.map((m) => m.entity)).toEqual(['imran-khan']);
  });
});

describe('LiveScanner with static ranges (as in browsers with StaticRange)', () => {
  const g = globalThis as { StaticRange?: unknown };
  const had = g.StaticRange;
  afterEach(() => {
    g.StaticRange = had;
  });

  it('a paragraph moved elsewhere in the page keeps one set of marks, in its new place', async () => {
    g.StaticRange = FakeStaticRange;
    const scanner = await liveInPlace(
      '<div id="feed"><p id="a">Zamir Kabulov spoke.</p><p>Imran Khan answered.</p><p>Sergey Lavrov left.</p></div><p id="end">Kabul</p>',
    );
    expect(scanner.all[0]!.range).toBeInstanceOf(FakeStaticRange);
    expect(scanner.all.map((m) => m.entity)).toEqual(['zamir-kabulov', 'imran-khan', 'sergey-lavrov', 'kabul']);
    // Moved to the end of the feed: removed, then inserted; its text node is the same.
    document.getElementById('feed')!.append(document.getElementById('a')!);
    await settle();
    expect(scanner.all.map((m) => m.entity)).toEqual(['imran-khan', 'sergey-lavrov', 'zamir-kabulov', 'kabul']);
  });

  it('a block taken away takes its marks, and its container is not rescanned', async () => {
    g.StaticRange = FakeStaticRange;
    const added: unknown[] = [];
    document.body.innerHTML = '<div id="feed"><p id="a">Zamir Kabulov spoke.</p><p id="b">Imran Khan answered.</p></div>';
    const made = liveScanner(index, inPlacePainter({ add: (m) => void added.push(...m) }));
    controller = made.controller;
    await started(made.scanner);
    document.getElementById('a')!.remove();
    await settle();
    expect(made.scanner.all.map((m) => m.entity)).toEqual(['imran-khan']);
    expect(added.length).toBe(2);
  });
});

describe('LiveScanner and a large addition', () => {
  it('rescans the page in slices rather than a large block of text in one frame', async () => {
    const scanner = await liveInPlace('<div id="feed"><p>Zamir Kabulov spoke.</p></div>');
    const full = vi.spyOn(scanner, 'fullScan');
    const small = document.createElement('p');
    small.textContent = 'Imran Khan answered.';
    document.getElementById('feed')!.append(small);
    await settle();
    expect(full).not.toHaveBeenCalled();
    const large = document.createElement('section');
    large.textContent = 'Kabul. '.repeat(Math.ceil(LARGE_CHANGE_CHARS / 7) + 1);
    document.getElementById('feed')!.append(large);
    await settle();
    expect(full).toHaveBeenCalledTimes(1);
    await full.mock.results[0]!.value;
    expect(scanner.all.filter((m) => m.entity === 'kabul').length).toBe(Math.ceil(LARGE_CHANGE_CHARS / 7) + 1);
    expect(scanner.all.slice(0, 2).map((m) => m.entity)).toEqual(['zamir-kabulov', 'imran-khan']);
  });
});

describe('LiveScanner in a mutation storm', () => {
  it('keeps no more than STORM_RECORDS records, then rescans the whole page once', async () => {
    const scanner = await liveInPlace('<p id="t">Zamir Kabulov spoke.</p><p id="u">x</p>');
    const full = vi.spyOn(scanner, 'fullScan');
    const ticker = document.getElementById('u')!.firstChild as Text;
    // A page rewriting a ticker three times the threshold within one frame, then naming someone.
    for (let k = 0; k < 3 * STORM_RECORDS; k++) ticker.data = String(k);
    ticker.data = 'Imran Khan';
    // The records are delivered; the frame that would take them has not come yet.
    for (let k = 0; k < 5; k++) await Promise.resolve();
    const pending = (scanner as unknown as { pending: unknown[] }).pending;
    expect(pending.length).toBeLessThanOrEqual(STORM_RECORDS);
    await settle();
    expect(full).toHaveBeenCalledTimes(1);
    expect(scanner.all.map((m) => m.entity)).toEqual(['zamir-kabulov', 'imran-khan']);
  });
});

describe('LiveScanner full scan (Highlight API path)', () => {
  it('paints marks as they are found and does not repaint them all at the end (one long task on a big page)', async () => {
    const added: unknown[] = [];
    const replaced: number[] = [];
    const painter = inPlacePainter({ setMarks: (m) => void replaced.push(m.length), add: (m) => void added.push(...m) });
    document.body.innerHTML = '<p>Zamir Kabulov spoke in Kabul.</p><p>Sergey Lavrov answered.</p>';
    const onChange = vi.fn();
    const made = liveScanner(index, painter, onChange);
    const scanner = made.scanner;
    controller = made.controller;
    await started(scanner);
    expect(scanner.all.length).toBe(3);
    expect(new Set(added)).toEqual(new Set(scanner.all));
    expect(added.length).toBe(3);
    // Only the clearing at the start of the scan.
    expect(replaced).toEqual([0]);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it("tells the painter which marks come from a scan and which from a change to the page (painted in the change's frame)", async () => {
    const from: (string | undefined)[] = [];
    const painter = inPlacePainter({ add: (_m, source) => void from.push(source ?? 'scan') });
    document.body.innerHTML = '<p>Zamir Kabulov spoke in Kabul.</p>';
    const made = liveScanner(index, painter);
    controller = made.controller;
    await started(made.scanner);
    expect(new Set(from)).toEqual(new Set(['scan']));
    from.length = 0;
    document.body.insertAdjacentHTML('beforeend', '<p>Sergey Lavrov answered.</p>');
    await settle();
    expect(from).toEqual(['change']);
  });

  it('still paints once at the end when only the first mention of each entity is shown', async () => {
    const replaced: number[] = [];
    document.body.innerHTML = '<p>Kabul, then Kabul again, and Sergey Lavrov.</p>';
    const made = liveScanner(index, inPlacePainter({ setMarks: (m) => void replaced.push(m.length) }));
    const scanner = made.scanner;
    controller = made.controller;
    scanner.setVisibility({ ...SHOW_ALL, firstOnly: true });
    await started(scanner);
    expect(scanner.all.length).toBe(3);
    expect(replaced.at(-1)).toBe(2);
  });
});

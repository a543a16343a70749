// @vitest-environment happy-dom
// A page asks for the aliases its words may complete, and for its new words
// only as text comes; the live scanner waits for the answer before scanning
// changed text.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { spotterEntries } from '../../core/compile';
import type { SpotterEntry } from '../../core/model';
import { spot } from '../../core/spotter';
import { LiveScanner } from '../../page/live-scanner';
import { hashChunk, Vocabulary } from '../../page/vocabulary';
import { WordSet } from '../../core/word-set';
import { SHOW_ALL } from '../../core/visibility';
import { askFrom, projectSources } from '../helpers';
import { fakeScannerTimers, installHighlightStandIn, settle, started } from './live';

const { entities, stopPhrases } = projectSources();
const entries = spotterEntries(entities, stopPhrases);
installHighlightStandIn();
let controller: AbortController | null = null;

beforeEach(fakeScannerTimers);
afterEach(() => {
  controller?.abort();
  document.body.innerHTML = '';
  vi.useRealTimers();
});

/** The background's answers, counted. */
function counted(list: () => readonly SpotterEntry[] = () => entries) {
  const ask = askFrom(list);
  const calls: { words: number; fresh: number; sent: number }[] = [];
  const spy = async (words: number[], fresh: number) => {
    const got = await ask(words, fresh);
    calls.push({ words: words.length, fresh, sent: got.length });
    return got;
  };
  return { spy, calls };
}

/** Learns the words of `texts` not asked about yet, as the live scanner does. */
function learnTexts(v: Vocabulary, texts: string[]): Promise<void> {
  const words = new WordSet();
  hashChunk((k) => texts[k]!, texts.length, 0, Infinity, words);
  return v.learn(v.unknown(words.values()));
}

describe('Vocabulary', () => {
  it('holds only the aliases its text may match, and asks only for new words', async () => {
    const { spy, calls } = counted();
    const v = new Vocabulary(spy);
    await learnTexts(v, ['Zamir Kabulov spoke in Kabul.']);
    expect(v.index.aliasCount).toBeGreaterThan(0);
    expect(v.index.aliasCount).toBeLessThan(entries.length / 100);
    expect(spot(v.index, 'Zamir Kabulov spoke in Kabul.').map((m) => m.candidates[0]!.entity)).toEqual(['zamir-kabulov', 'kabul']);
    await learnTexts(v, ['Kabul spoke.']);
    expect(calls).toHaveLength(1);
    await learnTexts(v, ['Imran Khan in Kabul.']);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ fresh: 2 });
    expect(spot(v.index, 'Imran Khan in Kabul.').map((m) => m.candidates[0]!.entity)).toEqual(['imran-khan', 'kabul']);
  });

  it('asks again for words whose question failed', async () => {
    let fail = true;
    const { spy, calls } = counted();
    const v = new Vocabulary(async (w, f) => {
      if (fail) throw new Error('background gone');
      return spy(w, f);
    });
    await expect(learnTexts(v, ['Kabul'])).rejects.toThrow('background gone');
    fail = false;
    await learnTexts(v, ['Kabul']);
    expect(calls).toEqual([{ words: 1, fresh: 1, sent: expect.any(Number) }]);
    expect(spot(v.index, 'Kabul')).toHaveLength(1);
  });

  it('reloads: a new index only when the page’s aliases changed', async () => {
    let list: readonly SpotterEntry[] = entries;
    const v = new Vocabulary(askFrom(() => list));
    await learnTexts(v, ['Zamir Kabulov spoke in Kabul.']);
    const before = v.index;
    list = entries.filter((e) => e.entity !== 'islamabad');
    expect(await v.reload()).toBe(false);
    expect(v.index).toBe(before);
    list = entries.filter((e) => e.entity !== 'kabul');
    expect(await v.reload()).toBe(true);
    expect(spot(v.index, 'Zamir Kabulov spoke in Kabul.').map((m) => m.candidates[0]!.entity)).toEqual(['zamir-kabulov']);
  });
});

describe('LiveScanner with a vocabulary', () => {
  async function live(html: string) {
    document.body.innerHTML = html;
    const { spy, calls } = counted();
    const vocabulary = new Vocabulary(spy);
    controller = new AbortController();
    const scanner = new LiveScanner(document, vocabulary.index, {
      vocabulary,
      signal: controller.signal,
      onChange: () => undefined,
      onError: (e) => {
        throw e;
      },
    });
    scanner.setVisibility(SHOW_ALL);
    await started(scanner);
    return { scanner, calls };
  }

  it('asks once for the page’s words before its first scan', async () => {
    const { scanner, calls } = await live('<p>Zamir Kabulov spoke in <b>Kabul</b>.</p>');
    expect(calls).toHaveLength(1);
    expect(scanner.all.map((m) => m.entity)).toEqual(['zamir-kabulov', 'kabul']);
  });

  it('asks for the new words of added text, then marks its names; text of known words asks nothing', async () => {
    const { scanner, calls } = await live('<div id="feed"><p>Zamir Kabulov spoke in Kabul.</p></div>');
    const feed = document.getElementById('feed')!;
    const p = document.createElement('p');
    p.textContent = 'Then Imran Khan answered from Islamabad.';
    feed.append(p);
    await settle();
    expect(calls).toHaveLength(2);
    expect(scanner.all.map((m) => m.entity)).toEqual(['zamir-kabulov', 'kabul', 'imran-khan', 'islamabad']);
    const again = document.createElement('p');
    again.textContent = 'Kabul spoke.';
    feed.append(again);
    await settle();
    expect(calls).toHaveLength(2);
    expect(scanner.all.map((m) => m.entity)).toEqual(['zamir-kabulov', 'kabul', 'imran-khan', 'islamabad', 'kabul']);
  });
});

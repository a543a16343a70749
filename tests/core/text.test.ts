import { describe, expect, it } from 'vitest';
import { sentenceAround } from '../../core/text';

describe('sentenceAround', () => {
  it('returns the sentence holding the mention, split around it', () => {
    const text = 'First sentence here. Zamir Kabulov spoke to RIA Novosti on Monday. Another one follows.';
    const start = text.indexOf('Kabulov');
    expect(sentenceAround(text, start, start + 7)).toEqual({
      before: 'Zamir ',
      mention: 'Kabulov',
      after: ' spoke to RIA Novosti on Monday.',
    });
  });

  it('stays inside the paragraph', () => {
    const text = 'A title line\nKabul fell on 15 August.\nNext paragraph.';
    const start = text.indexOf('Kabul');
    expect(sentenceAround(text, start, start + 5)).toEqual({ before: '', mention: 'Kabul', after: ' fell on 15 August.' });
  });

  it('cuts long sides at a word with an ellipsis', () => {
    const long = 'word '.repeat(60);
    const text = `${long}Kabul ${long}`;
    const start = text.indexOf('Kabul');
    const s = sentenceAround(text, start, start + 5);
    expect(s.before.startsWith('…')).toBe(true);
    expect(s.after.endsWith('…')).toBe(true);
    expect(s.before.length).toBeLessThanOrEqual(112);
    expect(s.after.length).toBeLessThanOrEqual(112);
  });
});

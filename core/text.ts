// Snippets: the sentence around a mention, cut to a readable length.

export interface Snippet {
  before: string;
  mention: string;
  after: string;
}

const MAX_SIDE = 110;
const SENTENCE_END = /[.!?…]["»”’)]?\s/g;

/** The sentence that holds text[start, end), with the mention split out. */
export function sentenceAround(text: string, start: number, end: number): Snippet {
  let from = 0;
  let to = text.length;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const boundary = m.index + m[0].length;
    if (boundary <= start) from = boundary;
    else if (m.index >= end) {
      to = m.index + m[0].trimEnd().length;
      break;
    }
  }
  const paragraphStart = text.lastIndexOf('\n', start - 1) + 1;
  const paragraphEnd = text.indexOf('\n', end);
  from = Math.max(from, paragraphStart);
  if (paragraphEnd >= 0) to = Math.min(to, paragraphEnd);
  let before = text.slice(from, start).trimStart();
  let after = text.slice(end, to).trimEnd();
  if (before.length > MAX_SIDE) before = '…' + before.slice(before.length - MAX_SIDE).replace(/^\S*\s/, '');
  if (after.length > MAX_SIDE) after = after.slice(0, MAX_SIDE).replace(/\s\S*$/, '') + '…';
  return { before, mention: text.slice(start, end), after };
}

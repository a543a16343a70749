import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineFinder } from '../../../core/import/drafts';

describe('lineFinder', () => {
  it('gives the 1-based line of every offset, as counting the line breaks before it would', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '\n', '\r\n', 'é', ' '), { maxLength: 60 }), fc.nat(), (parts, n) => {
        const text = parts.join('');
        const offset = text.length ? n % (text.length + 1) : 0;
        expect(lineFinder(text)(offset)).toBe(text.slice(0, offset).split('\n').length);
      }),
    );
  });
});

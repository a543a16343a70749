// The alias list's fingerprint: the same for the same list, different when a name changes.
import { describe, expect, it } from 'vitest';
import { spotterEntries } from '../../core/compile';
import type { SpotterEntry } from '../../core/model';
import { signatureOf } from '../../page/dataset-signature';
import { projectSources } from '../helpers';

const { entities, stopPhrases } = projectSources();
const entries = spotterEntries(entities, stopPhrases);

describe('signatureOf', () => {
  it('is the same for equal lists, built apart', () => {
    expect(signatureOf(structuredClone(entries))).toBe(signatureOf(entries));
  });

  it('changes when one alias changes, or an entry goes', () => {
    const changed: SpotterEntry[] = structuredClone(entries);
    changed[0]!.alias.text += 'x';
    expect(signatureOf(changed)).not.toBe(signatureOf(entries));
    expect(signatureOf(entries.slice(1))).not.toBe(signatureOf(entries));
  });

  it('is short, whatever the list', () => {
    expect(signatureOf(entries).length).toBeLessThan(20);
    expect(signatureOf([])).not.toBe(signatureOf(entries));
  });
});

import { describe, expect, it } from 'vitest';
import { checkEntity } from '../../core/user-entities';
import { projectSources } from '../helpers';
import { spotterEntries } from '../../core/compile';

const { entities, stopPhrases } = projectSources();
const known = spotterEntries(entities, stopPhrases);
const nameOf = (id: string) => entities.find((e) => e.id === id)?.name.en ?? id;
const check = (input: Partial<Parameters<typeof checkEntity>[0]>) =>
  checkEntity({ name: '', type: 'organization', aliases: [], description: '', ...input }, known, nameOf, () => 'user:1');

describe('checkEntity', () => {
  it('makes an entity from a name, other names and a description; acronyms match in their exact case', () => {
    const r = check({ name: '  Meridian   Relief Network ', aliases: ['MRN', '', 'Meridian Relief'], description: 'A relief group.' });
    expect(r).toEqual({
      ok: true,
      entity: {
        id: 'user:1',
        type: 'organization',
        name: { en: 'Meridian Relief Network', fr: 'Meridian Relief Network' },
        description: { en: 'A relief group.', fr: 'A relief group.' },
        aliases: [{ text: 'Meridian Relief Network' }, { text: 'MRN', exact: true }, { text: 'Meridian Relief' }],
      },
    });
  });

  it('refuses a name another entity answers to, naming it, whatever the accents or case', () => {
    const r = check({ name: 'Meridian', aliases: ['kaboul'] });
    expect(r).toEqual({
      ok: false,
      errors: [{ field: 'aliases', code: 'aliasTaken', params: { text: 'kaboul', owner: 'Kabul' }, message: '“kaboul” is already a name of Kabul.' }],
    });
  });

  it('refuses an empty or one-letter name', () => {
    expect(check({ name: ' ' })).toMatchObject({ ok: false, errors: [{ field: 'name' }] });
    expect(check({ name: 'Meridian', aliases: ['M'] })).toMatchObject({ ok: false, errors: [{ field: 'aliases' }] });
  });
});

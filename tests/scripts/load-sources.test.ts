import { describe, expect, it } from 'vitest';
import { crossChecks } from '../../scripts/load-sources';
import { entity } from '../helpers';

describe('crossChecks', () => {
  it('reports duplicate ids and a full alias claimed by two entities', () => {
    const problems = crossChecks(
      [
        entity('a', 'place', [{ text: 'Kabul' }]),
        entity('a', 'place', [{ text: 'Kaboul' }]),
        entity('b', 'person', [{ text: 'KABUL' }]),
      ],
      [],
    ).map((p) => p.message);
    expect(problems).toContain('duplicate entity id "a"');
    expect(problems).toContainEqual(expect.stringContaining('alias "KABUL" is claimed by both a and b'));
  });

  it('lets two entities share a short form', () => {
    const problems = crossChecks(
      [entity('a', 'person', [{ text: 'Hamid Karzai' }, { text: 'Hamid', short: true }]), entity('b', 'person', [{ text: 'Faiz Hamid' }, { text: 'Hamid', short: true }])],
      [],
    );
    expect(problems).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { crossChecks } from '../../scripts/load-sources';
import { entity } from '../helpers';

describe('crossChecks', () => {
  it('reports duplicate ids and a full alias claimed by two people', () => {
    const problems = crossChecks(
      [
        entity('a', 'place', [{ text: 'Kabul' }]),
        entity('a', 'place', [{ text: 'Kaboul' }]),
        entity('b', 'person', [{ text: 'Zamir Kabulov' }]),
        entity('c', 'person', [{ text: 'ZAMIR KABULOV' }]),
      ],
      [],
    ).map((p) => p.message);
    expect(problems).toContain('duplicate entity id "a"');
    expect(problems).toContainEqual(expect.stringContaining('alias "ZAMIR KABULOV" is claimed by two people, b and c'));
  });

  it('lets places and organisations share a full form, for the page to tell apart', () => {
    const problems = crossChecks(
      [
        entity('georgia', 'place', [{ text: 'Georgia' }]),
        entity('georgia-us-state', 'place', [{ text: 'Georgia' }]),
        entity('pti', 'organization', [{ text: 'PTI', exact: true }]),
        entity('press-trust-of-india', 'organization', [{ text: 'PTI', exact: true }]),
      ],
      [],
    );
    expect(problems).toEqual([]);
  });

  it('lets two entities share a short form', () => {
    const problems = crossChecks(
      [
        entity('a', 'person', [{ text: 'Hamid Karzai' }, { text: 'Hamid', short: true }]),
        entity('b', 'person', [{ text: 'Faiz Hamid' }, { text: 'Hamid', short: true }]),
      ],
      [],
    );
    expect(problems).toEqual([]);
  });
});

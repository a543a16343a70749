import { describe, expect, it } from 'vitest';
import { applyPackChanges, conflictsOf, ownersOf, planPack } from '../../../core/entity-lists/pack';
import type { DraftEntity } from '../../../core/entity-lists/parse';
import { mergeDataset, mergedEntries } from '../../../core/merge';
import { projectDataset } from '../../helpers';

const dataset = projectDataset().dataset;
const owners = ownersOf(mergedEntries(dataset));

const drafts: DraftEntity[] = [
  { name: 'Kabul', aliases: ['Kabul City'], description: 'A list’s Kabul', type: 'place' },
  { name: 'Marta Ruiz', aliases: ['Taliban'], description: 'A spokeswoman', type: 'person' },
  { name: 'Acme Relief', aliases: ['ACME'], description: '', wikidata: 'Q42' },
];

describe('entity packs: names other entities answer to', () => {
  it('lists every shared name, its owner, and whether it is the entry’s own name', () => {
    expect(conflictsOf(drafts, owners)).toEqual([
      { entry: 0, text: 'Kabul', owner: 'kabul', isName: true },
      { entry: 1, text: 'Taliban', owner: 'taliban', isName: false },
    ]);
  });

  it('keep: known names stay with their entity, an entry whose name is known is left out', () => {
    const plan = planPack(drafts, { packId: 'p1', defaultType: 'organization', choice: 'keep', owners });
    expect(plan.skipped).toBe(1);
    expect(plan.entities.map((e) => [e.id, e.type, e.aliases.map((a) => a.text)])).toEqual([
      ['p1/2', 'person', ['Marta Ruiz']],
      ['p1/Q42', 'organization', ['Acme Relief', 'ACME']],
    ]);
    expect(plan.entities[1]!.aliases[1]).toEqual({ text: 'ACME', exact: true });
    expect(plan.additions).toEqual([]);
    expect(plan.removals).toEqual([]);
  });

  it('add: an entry whose name is known joins that entity, which answers to its other names too', () => {
    const plan = planPack(drafts, { packId: 'p1', defaultType: 'place', choice: 'add', owners });
    expect(plan.additions).toEqual([{ entity: 'kabul', aliases: [{ text: 'Kabul City' }] }]);
    expect(plan.entities.map((e) => e.name.en)).toEqual(['Marta Ruiz', 'Acme Relief']);
    const merged = mergeDataset(dataset, { articles: [], entities: [], packs: [plan] });
    expect(merged.entities.find((e) => e.id === 'kabul')!.aliases.map((a) => a.text)).toContain('Kabul City');
  });

  it('replace: the entry takes its names, and the entity that had them no longer answers to them', () => {
    const plan = planPack(drafts, { packId: 'p1', defaultType: 'place', choice: 'replace', owners });
    expect(plan.entities.map((e) => e.name.en)).toEqual(['Kabul', 'Marta Ruiz', 'Acme Relief']);
    expect(plan.removals).toEqual([
      { entity: 'kabul', texts: ['Kabul'] },
      { entity: 'taliban', texts: ['Taliban'] },
    ]);
    const entities = applyPackChanges(dataset.entities, [plan]);
    expect(entities.find((e) => e.id === 'taliban')!.aliases.map((a) => a.text)).not.toContain('Taliban');
    // Untouched entities are the same objects.
    expect(entities.find((e) => e.id === 'herat')).toBe(dataset.entities.find((e) => e.id === 'herat'));
  });
});

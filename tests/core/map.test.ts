import land from 'world-atlas/land-110m.json';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { locatorMap, MAP_HEIGHT, MAP_WIDTH } from '../../core/map';

const topology = land as unknown as Topology;

describe('locatorMap', () => {
  it('centres the place and draws the land around it', () => {
    const m = locatorMap(topology, [34.5553, 69.2075]); // Kabul
    expect(m).toMatchObject({ width: MAP_WIDTH, height: MAP_HEIGHT, x: MAP_WIDTH / 2, y: MAP_HEIGHT / 2 });
    expect(m.land.length).toBeGreaterThan(100);
    expect(m.land.length).toBeLessThan(8000); // clipped to the view, not the whole world
    expect(m.land.startsWith('M')).toBe(true);
  });

  it('shows sea where there is sea: a point in the Indian Ocean has less land around it', () => {
    const kabul = locatorMap(topology, [34.5553, 69.2075]).land.length;
    const ocean = locatorMap(topology, [-20, 80]).land.length;
    expect(ocean).toBeLessThan(kabul);
  });
});

// A small locator map for a place, computed offline: the world's land from a
// bundled TopoJSON outline, projected around the point with d3-geo, as an
// SVG path string the card draws. No tile server, no network request.

import { geoEquirectangular, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface LocatorMap {
  width: number;
  height: number;
  /** SVG path data for the land in view. */
  land: string;
  /** The place, in map coordinates. */
  x: number;
  y: number;
}

export const MAP_WIDTH = 160;
export const MAP_HEIGHT = 96;
/** Degrees of longitude across the map: a region, so a city sits among its neighbours. */
const SPAN_DEGREES = 40;

let landCache: { topology: unknown; land: ReturnType<typeof feature> } | null = null;

export function locatorMap(topology: Topology, coords: [number, number]): LocatorMap {
  if (landCache?.topology !== topology) {
    const objects = topology.objects as Record<string, GeometryCollection>;
    landCache = { topology, land: feature(topology, objects.land ?? Object.values(objects)[0]!) };
  }
  const [lat, lon] = coords;
  const scale = (MAP_WIDTH / SPAN_DEGREES) * (180 / Math.PI);
  const projection = geoEquirectangular()
    .rotate([-lon, 0])
    .center([0, lat])
    .scale(scale)
    .translate([MAP_WIDTH / 2, MAP_HEIGHT / 2])
    // Only what is in view: the path stays a few hundred bytes, not the whole world.
    .clipExtent([
      [0, 0],
      [MAP_WIDTH, MAP_HEIGHT],
    ]);
  const path = geoPath(projection);
  const [x, y] = projection([lon, lat]) ?? [MAP_WIDTH / 2, MAP_HEIGHT / 2];
  path.digits(1);
  return { width: MAP_WIDTH, height: MAP_HEIGHT, land: path(landCache.land) ?? '', x: Math.round(x), y: Math.round(y) };
}

// The bundled dataset, compiled by `npm run data:build` and indexed once per
// context. The one place that knows where the data comes from.
import datasetJson from '../generated/dataset.json';
import { indexDataset, type DatasetIndex } from '../core/dataset-index';
import type { Dataset } from '../core/model';

let cached: DatasetIndex | null = null;

export function bundledDataset(): DatasetIndex {
  // The build validated it against the schema; JSON imports are typed only structurally.
  cached ??= indexDataset(datasetJson as unknown as Dataset);
  return cached;
}

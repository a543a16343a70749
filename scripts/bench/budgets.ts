// The budgets `npm run bench -- --check` holds the figures to: each with the
// reason it is set where it is. The README's table lists the latest figures
// beside them.

export interface Budget {
  /** The figure's name in the bench summary. */
  figure: string;
  max: number;
  unit: 'ms' | 'bytes' | 'ratio';
  why: string;
}

const KB = 1024;

export const BUDGETS: readonly Budget[] = [
  { figure: 'longestTaskMs', max: 50, unit: 'ms', why: 'a task over 50 ms is a long task: input waits behind it' },
  { figure: 'hostileLongestReperesCpuMs', max: 50, unit: 'ms', why: "Repères' share of any task on the hostile pages stays under a long task" },
  { figure: 'initMs', max: 15, unit: 'ms', why: 'a tab hashes its words and builds its alias index before its first scan' },
  // The scale case (scripts/bench/scale.ts): a tab costs no more at a million names.
  { figure: 'initMsAtLargest', max: 15, unit: 'ms', why: 'the same at a million names' },
  { figure: 'tabHeapBytesAtLargest', max: 5 * 1024 * 1024, unit: 'bytes', why: 'what a tab holds at a million names' },
  { figure: 'tabBytesRatioAtLargest', max: 2, unit: 'ratio', why: 'the bytes a tab exchanges at a million names, against the shipped size' },
  { figure: 'scanRatioAtLargest', max: 1.5, unit: 'ratio', why: 'the scan at a million names, against the shipped size' },
  { figure: 'indexWakeMs', max: 500, unit: 'ms', why: 'a woken service worker answers a tab from the stored index' },
  { figure: 'firstCardAfterDwellWorstMs', max: 300, unit: 'ms', why: 'after a worker restart, with a big archive, the first card follows the hover’s dwell' },
  {
    figure: 'popupAfterWakeMs',
    max: 1000,
    unit: 'ms',
    why: 'after a worker restart, with a big archive, the popup shows related coverage within a second of its opening (its own page load included)',
  },
  { figure: 'paintExtraMs', max: 100, unit: 'ms', why: 'the rendering the highlights add on the largest page follows the screen, not the page' },
  { figure: 'scanToFloor', max: 1.5, unit: 'ratio', why: 'the scan against the walk, one read of each character and the ranges' },
  { figure: 'rankingMsAt10000', max: 20, unit: 'ms', why: 'related coverage is ranked while the popup opens' },
  { figure: 'importSearchMs', max: 15, unit: 'ms', why: 'search runs on every keystroke in the popup' },
  { figure: 'listPreviewMs', max: 5000, unit: 'ms', why: 'a list of 100,000 names is previewed while the reader waits' },
  { figure: 'listStoreMs', max: 10_000, unit: 'ms', why: 'and stored while the reader waits' },
  { figure: 'contentScriptGzipBytes', max: 60 * KB, unit: 'bytes', why: 'the content script is read on every page' },
  // Each bundle, minified: what a context loads before it can do anything.
  {
    figure: 'bundle:content-scripts/content',
    max: 120 * KB,
    unit: 'bytes',
    why: 'injected into every page (raised from 110 KB for the viewport painter and the page vocabulary of ADR 8)',
  },
  { figure: 'bundle:assets/import-worker', max: 30 * KB, unit: 'bytes', why: 'the import worker; parsers load per format' },
  // What each page loads before it runs: its script and the chunks its HTML preloads.
  { figure: 'page:popup', max: 60 * KB, unit: 'bytes', why: 'opened at every toolbar click' },
  {
    figure: 'page:options',
    max: 125 * KB,
    unit: 'bytes',
    why: 'the options page (import, collections, entities, lists, look, sites, backup); parsers load per format (raised from 120 KB for the spotter of ADR 8, which imports use)',
  },
  { figure: 'page:reader', max: 120 * KB, unit: 'bytes', why: 'the reader page, with its map' },
  { figure: 'bundle:largest-parser', max: 120 * KB, unit: 'bytes', why: 'one format’s parser, loaded when a file of it is imported' },
];

export interface Miss {
  budget: Budget;
  value: number;
}

/** The budgets a summary misses; a figure absent from the summary is a miss too (the bench did not measure it). */
export function missedBudgets(figures: Readonly<Record<string, number>>): Miss[] {
  return BUDGETS.filter((b) => !(figures[b.figure]! <= b.max)).map((budget) => ({ budget, value: figures[budget.figure] ?? NaN }));
}

export function describeBudget(b: Budget, value: number): string {
  const show = (x: number) => (b.unit === 'bytes' ? `${(x / KB).toFixed(1)} KB` : b.unit === 'ratio' ? `${x.toFixed(2)} ×` : `${x.toFixed(1)} ms`);
  return `${b.figure}: ${show(value)} (budget ${show(b.max)}: ${b.why})`;
}

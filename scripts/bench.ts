// npm run bench [-- DIR] [--json] [--runs N] [--check]
// Measures, in headless Chromium, on the same pages with the same aliases,
// interleaved: (a) a bare TreeWalker pass, (b) Repères' full scan, (c) one
// RegExp alternation, (d) mark.js. Also the scan as the content script runs
// it (in slices: the longest slice), the alias index's build time at the
// shipped size and at 20,000 aliases, the size of every bundle, and Repères'
// longest task on hostile pages with the built extension. Prints figures and
// ratios; with --check, exits 1 when a figure is over its budget
// (scripts/bench/budgets.ts).
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import type { Dataset, SpotterEntry } from '../core/model';
import { articlePage, longPage } from './bench/pages';
import { benchPackageMatcher } from './bench/package-matcher';
import { benchRanking } from './bench/ranking';
import { benchImports } from './bench/imports';
import { benchLists } from './bench/lists';
import { BUDGETS, describeBudget, missedBudgets } from './bench/budgets';
import { bundleSizes, pageBytes } from './bench/bundles';
import { benchHostile } from './bench/hostile';
import { benchScale } from './bench/scale';
import { benchWake } from './bench/wake';
import { benchPaint } from './bench/paint';
import { CHROMIUM, ROOT, serve } from '../tests/e2e/harness';

const args = process.argv.slice(2);
const json = args.includes('--json');
const check = args.includes('--check');
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 7;
const extraDir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');
const MARKJS_SAMPLE = 100;
const EDITS = 40;
const PAGE_CHANGES = 500;
/** The alias counts of the scale case: the shipped dataset (filled in), then a newsroom's list and a gazetteer's. */
const SCALE_SIZES = [100_000, 1_000_000];
/** Another name of the bench's server: another site, so another renderer process. */
const APART_HOST = 'localhost';
const log = (...x: unknown[]) => {
  if (!json) console.log(...x);
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

interface Bench {
  setAliases(e: SpotterEntry[]): { initMs: number; aliases: number };
  walk(): { ms: number; value: number };
  floors(): { readMs: number; rangesMs: number; ranges: number };
  scan(): { ms: number; value: number };
  regexp(): { ms: number; value: number };
  markjs(sample: number): { ms: number; value: number; sampled: number };
  sliced(): Promise<{ ms: number; marks: number; longestSliceMs: number; slices: number }>;
  pageChanges(n: number): Promise<{ marks: number; static: boolean; ms: number; liveMs: number; liveRanges: number }>;
  edits(n: number): Promise<{ edits: Flushes; removals: Flushes; marksBefore: number; marksAfter: number }>;
}
type Win = { __reperesBench: Bench };
type Flushes = { medianMs: number; worstMs: number; rescans: number };

/**
 * Puts the page in the same state before each measurement: a full garbage
 * collection (Chromium runs with --expose-gc), then one untimed walk, so that
 * every text node has its JavaScript wrapper again (the collection drops the
 * wrappers the last walk made, and remaking 32,000 of them would double the
 * walk's time).
 */
const collect = `globalThis.gc?.(); __reperesBench.walk()`;

async function main(): Promise<void> {
  const dataset = JSON.parse(readFileSync(join(ROOT, 'generated/dataset.json'), 'utf8')) as Dataset;
  const entries = JSON.parse(readFileSync(join(ROOT, 'generated/spotter.json'), 'utf8')) as SpotterEntry[];
  const chromeOut = join(ROOT, process.env.REPERES_OUT_DIR ?? '.output', 'chrome-mv3');
  const contentScript = join(chromeOut, 'content-scripts/content.js');
  const contentScriptGzipBytes = existsSync(contentScript) ? gzipSync(readFileSync(contentScript)).length : NaN;
  const bundles = existsSync(chromeOut) ? bundleSizes(chromeOut) : {};
  const pageLoads = existsSync(chromeOut) ? pageBytes(chromeOut) : {};

  const harness = await build({
    entryPoints: [join(ROOT, 'scripts/bench/harness.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
  });
  const harnessJs = harness.outputFiles[0]!.text;

  const own = mkdtempSync(join(tmpdir(), 'reperes-bench-'));
  writeFileSync(join(own, 'bench-article.html'), articlePage(dataset.articles));
  const long = longPage(dataset.articles);
  writeFileSync(join(own, 'bench-long-live-page.html'), long.html);
  const pages: { name: string; dir: string }[] = [
    { name: 'bench-article.html', dir: own },
    { name: 'bench-long-live-page.html', dir: own },
  ];
  if (extraDir) {
    const dir = resolve(extraDir);
    for (const f of readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .sort())
      pages.push({ name: f, dir });
  }
  const servers = await serve([own, ...(extraDir ? [resolve(extraDir)] : [])]);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // --expose-gc: a collection between measurements (untimed). Each scan
    // leaves thousands of live Ranges behind until collected, the document
    // updates every live Range on each change, and the collector's work
    // lands in whichever measurement comes next: without it, each one pays
    // for the garbage of the ones before.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--js-flags=--expose-gc'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Saved pages may reference other hosts: nothing leaves this machine.
  const local = new Set(['127.0.0.1', APART_HOST]);
  await context.route('**/*', (route) => (local.has(new URL(route.request().url()).hostname) ? route.continue() : route.abort()));

  /** `apart`: served as another site (the same server), so in a renderer process of its own. */
  const open = async (name: string, apart = false): Promise<Page> => {
    const page = await context.newPage();
    const base = apart ? servers.url.replace('127.0.0.1', APART_HOST) : servers.url;
    await page.goto(`${base}/${encodeURIComponent(name)}`, { waitUntil: 'load', timeout: 60_000 });
    await page.addScriptTag({ content: harnessJs });
    return page;
  };

  log(`Repères bench: ${entries.length} aliases, ${RUNS} interleaved runs per page, Chromium headless\n`);
  const rows: Record<string, number | string>[] = [];
  for (const { name } of pages) {
    let page: Page;
    try {
      page = await open(name);
    } catch (e) {
      log(`${name}: skipped (${String(e).split('\n')[0]})`);
      continue;
    }
    // A saved page may navigate itself away mid-measurement (a redirect script): it is skipped.
    try {
      await page.evaluate((e) => (window as unknown as Win).__reperesBench.setAliases(e), entries);
      const stats = await page.evaluate((harnessChars) => {
        const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let n = 0;
        while (w.nextNode()) n++;
        // The page's own HTML, without the bench's injected script.
        return { textNodes: n, htmlBytes: document.documentElement.outerHTML.length - harnessChars };
      }, harnessJs.length);
      const t = { walk: [] as number[], scan: [] as number[], regexp: [] as number[], read: [] as number[], ranges: [] as number[] };
      let marks = 0;
      let regexpHits = 0;
      for (let r = 0; r < RUNS; r++) {
        for (const k of ['walk', 'scan', 'regexp'] as const) {
          await page.evaluate(collect);
          const res = await page.evaluate((kind) => (window as unknown as Win).__reperesBench[kind](), k);
          t[k].push(res.ms);
          if (k === 'scan') marks = res.value;
          if (k === 'regexp') regexpHits = res.value;
        }
        await page.evaluate(collect);
        const f = await page.evaluate(() => (window as unknown as Win).__reperesBench.floors());
        t.read.push(f.readMs);
        t.ranges.push(f.rangesMs);
      }
      await page.evaluate(collect);
      const sliced = await page.evaluate(() => (window as unknown as Win).__reperesBench.sliced());
      await page.close();
      // mark.js is slower by orders of magnitude: one run, on a sample of aliases, scaled.
      // On a fresh load of the page: the Ranges the runs above left behind
      // are live until collected, and every change mark.js makes to the DOM
      // would have to update each of them.
      page = await open(name);
      await page.evaluate((e) => (window as unknown as Win).__reperesBench.setAliases(e), entries);
      const mj = [(await page.evaluate((n) => (window as unknown as Win).__reperesBench.markjs(n), MARKJS_SAMPLE)).ms];
      const a = median(t.walk);
      const b = median(t.scan);
      const c = median(t.regexp);
      const d = median(mj);
      rows.push({
        page: name,
        htmlKB: round(stats.htmlBytes / 1024, 0),
        textNodes: stats.textNodes,
        marks,
        regexpHits,
        walkMs: round(a),
        // A floor under (b): the walk, reading every character of the reading text once, and as many Ranges as (b) builds.
        floorMs: round(a + median(t.read) + median(t.ranges)),
        scanMs: round(b),
        regexpMs: round(c),
        markjsMs: round(d),
        // Below the timer's 0.1 ms resolution a ratio means nothing.
        'b/a': a >= 0.1 ? round(b / a) : 'n/a',
        'c/b': round(c / b),
        'd/b': round(d / b, 1),
        longestSliceMs: round(sliced.longestSliceMs),
        slices: sliced.slices,
      });
      await page.close();
    } catch (e) {
      log(`${name}: skipped (${String(e).split('\n')[0]})`);
      await page.close().catch(() => undefined);
      continue;
    }
    log(`${name}: done`);
  }

  // The scale case: the tab's cost at the shipped size, 100,000 and 1,000,000 names.
  log('scale…');
  const scale = await benchScale(open, ['bench-long-live-page.html', 'bench-article.html'], entries, [entries.length, ...SCALE_SIZES], RUNS);
  const shippedScale = scale[0]!;
  const largest = scale[scale.length - 1]!;
  // Edits once the long page is scanned, with the project's aliases again.
  const editPage = await open('bench-long-live-page.html');
  await editPage.evaluate((e) => (window as unknown as Win).__reperesBench.setAliases(e), entries);
  const edits = await editPage.evaluate((n) => (window as unknown as Win).__reperesBench.edits(n), EDITS);
  // The page's own DOM changes, on a fresh load with the project's aliases.
  const changesPage = await open('bench-long-live-page.html');
  await changesPage.evaluate((e) => (window as unknown as Win).__reperesBench.setAliases(e), entries);
  const pageChanges = await changesPage.evaluate((n) => (window as unknown as Win).__reperesBench.pageChanges(n), PAGE_CHANGES);
  await browser.close();
  await servers.close();

  const ranking = benchRanking(dataset);
  const pkg = benchPackageMatcher(dataset, entries);
  const imports = await benchImports(dataset);
  const lists = await benchLists(dataset);
  log('hostile pages…');
  const hostile = await benchHostile();
  log('rendering with and without the highlights…');
  const paint = await benchPaint();
  log('first card after a service-worker restart, with a big archive…');
  const wake = await benchWake({ runs: Math.min(RUNS, 5) });
  const sum = (k: string) => rows.reduce((s, r) => s + (r[k] as number), 0);
  const total = {
    walkMs: round(sum('walkMs')),
    floorMs: round(sum('floorMs')),
    scanMs: round(sum('scanMs')),
    regexpMs: round(sum('regexpMs')),
    markjsMs: round(sum('markjsMs')),
  };
  const summary = {
    pages: rows,
    aliases: entries.length,
    runs: RUNS,
    ...total,
    'b/a': round(total.scanMs / total.walkMs),
    'floor/a': round(total.floorMs / total.walkMs),
    'c/b': round(total.regexpMs / total.scanMs),
    'd/b': round(total.markjsMs / total.scanMs, 1),
    longestTaskMs: round(Math.max(...rows.map((r) => r.longestSliceMs as number))),
    // The scan against its floor (the walk, one read of each character, the ranges).
    scanToFloor: round(total.scanMs / total.floorMs),
    initMs: round(shippedScale.initMs),
    scale: scale.map((r) => ({
      aliases: r.aliases,
      initMs: round(r.initMs),
      tabBytes: r.tabBytes,
      tabHeapBytes: r.tabHeapBytes,
      scanMs: round(r.scanMs),
      aliasesSent: r.aliasesSent,
      answerMs: round(r.answerMs),
      packMs: round(r.packMs),
      packedBytes: r.packedBytes,
      persistMs: round(r.persistMs),
      wakeMs: round(r.wakeMs),
    })),
    initMsAtLargest: round(largest.initMs),
    tabHeapBytesAtLargest: largest.tabHeapBytes,
    tabBytesRatioAtLargest: round(largest.tabBytes / shippedScale.tabBytes),
    scanRatioAtLargest: round(largest.scanMs / shippedScale.scanMs),
    // Building the persisted index at the largest size: packing it and writing it to IndexedDB.
    indexBuildMs: round(largest.packMs + largest.persistMs),
    indexWakeMs: round(largest.wakeMs),
    contentScriptGzipBytes,
    editRescanMs: round(edits.edits.medianMs),
    editRescanWorstMs: round(edits.edits.worstMs),
    pageChangesMs: round(pageChanges.ms),
    pageChangesWithLiveRangesMs: round(pageChanges.liveMs),
    removalRescanMs: round(edits.removals.medianMs),
    removalRescanWorstMs: round(edits.removals.worstMs),
    rankingMsAt10000: round(ranking.medianMs),
    packageMatcherMs: round(pkg.packageMs),
    spotterMsSameText: round(pkg.oursMs),
    importArticles: imports.articles,
    importPreviewMs: round(imports.previewMs),
    importMergeMs: round(imports.mergeMs),
    importMergeWithOwnEntityMs: round(imports.mergeWithOwnEntityMs),
    newEntityScanMs: round(imports.newEntityScanMs),
    importSearchBuildMs: round(imports.searchBuildMs),
    importSearchMs: round(imports.searchMs),
    importSearchWorstMs: round(imports.searchWorstMs),
    listEntities: lists.entities,
    listPreviewMs: round(lists.previewMs),
    listStoreMs: round(lists.storeMs),
    listScanMs: round(lists.scanMs),
    hostile: hostile.map((h) => ({
      ...h,
      longestReperesCpuMs: round(h.longestReperesCpuMs),
      longestReperesWallMs: round(h.longestReperesWallMs),
      longestTaskMs: round(h.longestTaskMs),
    })),
    hostileLongestReperesCpuMs: round(Math.max(...hostile.map((h) => h.longestReperesCpuMs))),
    // Rendering on the largest hostile page, from a trace: with Repères' highlights and without.
    paintMs: round(paint.paintMs),
    paintMsWithout: round(paint.paintMsWithout),
    paintExtraMs: round(paint.paintMs - paint.paintMsWithout),
    // A tab opened after the worker was stopped, with 20,000 imported articles and 100,000 imported names.
    wakeArticles: wake.articles,
    wakeNames: wake.names,
    firstHighlightAfterWakeMs: round(wake.firstHighlightMs),
    firstCardAfterDwellMs: round(wake.firstCardMs),
    firstCardAfterDwellWorstMs: round(wake.firstCardWorstMs),
    warmFirstHighlightMs: round(wake.warmFirstHighlightMs),
    // The popup opened for that tab after its card: it asks for the full dataset, which a woken worker builds.
    popupAfterWakeMs: round(wake.popupMs),
    popupAfterWakeWorstMs: round(wake.popupWorstMs),
    warmPopupMs: round(wake.warmPopupMs),
    bundles,
    pageLoads,
  };
  const parsers = ['csv', 'jsonl', 'reperes-collection', 'markdown', 'feed', 'html'];
  const figures: Record<string, number> = {
    ...Object.fromEntries(Object.entries(summary).filter((e): e is [string, number] => typeof e[1] === 'number')),
    ...Object.fromEntries(Object.entries(bundles).map(([name, b]) => [`bundle:${name}`, b.bytes])),
    ...Object.fromEntries(Object.entries(pageLoads).map(([name, bytes]) => [`page:${name}`, bytes])),
    'bundle:largest-parser': Math.max(
      ...Object.entries(bundles)
        .filter(([name]) => parsers.some((p) => name.endsWith(`/${p}`)))
        .map(([, b]) => b.bytes),
    ),
  };
  const misses = check ? missedBudgets(figures) : [];
  if (check && misses.length > 0) process.exitCode = 1;
  if (json) {
    console.log(JSON.stringify({ ...summary, ...(check ? { missed: misses.map((m) => m.budget.figure) } : {}) }));
    return;
  }
  console.table(
    rows.map((r) => ({
      ...r,
      page: basename(r.page as string)
        .replace(/\.html$/, '')
        .slice(0, 34),
    })),
  );
  console.log(
    `\nTotal over ${rows.length} pages: walk (a) ${total.walkMs} ms · Repères scan (b) ${total.scanMs} ms · RegExp (c) ${total.regexpMs} ms · mark.js (d) ${total.markjsMs} ms`,
  );
  console.log(`(mark.js timed on ${MARKJS_SAMPLE} of the ${entries.length} aliases and scaled: it makes one pass per keyword.)`);
  console.log(
    `Floor under (b): the walk, reading each character of the reading text once and building the ${rows.reduce((n, r) => n + (r.marks as number), 0).toLocaleString('en')} ranges take ${total.floorMs} ms, ${summary['floor/a']} × (a), before any folding or matching`,
  );
  console.log(`Ratios: b/a ${summary['b/a']} (the floor is the reference now) · c/b ${summary['c/b']} (≥ 1.5) · d/b ${summary['d/b']} (≥ 20)`);
  console.log(`Longest slice of the content script's scan: ${summary.longestTaskMs} ms (target: no task over 50 ms)`);
  console.log(`Scan against its floor: ${summary.scanToFloor} × (target ≤ 1.5)`);
  console.log('\nScale: what a tab costs by the number of names Repères knows (the long page: bytes, heap; both own pages: scan)');
  console.table(summary.scale);
  console.log(
    `At ${largest.aliases.toLocaleString('en')} names: tab init ${summary.initMsAtLargest} ms (target ≤ 15) · tab heap ${round(summary.tabHeapBytesAtLargest / 1e6, 2)} MB (≤ 5) · bytes ${summary.tabBytesRatioAtLargest} × the shipped size's (≤ 2) · scan ${summary.scanRatioAtLargest} × (≤ 1.5) · index build ${summary.indexBuildMs} ms · a woken worker's first answer ${summary.indexWakeMs} ms (≤ 500)`,
  );
  console.log(`Content script: ${round(contentScriptGzipBytes / 1024, 1)} KB gzipped (target ≤ 60)`);
  console.log(
    `DOM changes made by the page: ${PAGE_CHANGES} × (a span appended to a paragraph and removed) on the long page take ${summary.pageChangesMs} ms with its ${pageChanges.marks.toLocaleString('en')} marks held as ${pageChanges.static ? 'static ranges' : 'live Ranges (no StaticRange here)'}, ${summary.pageChangesWithLiveRangesMs} ms with the same marks as live Ranges`,
  );
  console.log(
    `An edit on the long page once scanned (${edits.marksBefore.toLocaleString('en')} marks): the live scanner's work in the next frame takes ${summary.editRescanMs} ms median, ${summary.editRescanWorstMs} ms worst of ${edits.edits.rescans} (a paragraph's text changed each time); a whole post removed: ${summary.removalRescanMs} ms median, ${summary.removalRescanWorstMs} ms worst of ${edits.removals.rescans}`,
  );
  console.log(
    `Word trie vs modern-ahocorasick on ${round(pkg.chars / 1000, 0)} K chars of text (Node): ${round(pkg.oursMs)} ms vs ${round(pkg.packageMs)} ms; index build ${round(pkg.oursInitMs)} ms vs ${round(pkg.packageInitMs)} ms`,
  );
  console.log(
    `Related coverage over ${ranking.articles} articles: ${summary.rankingMsAt10000} ms median, ${round(ranking.maxMs)} ms worst of 21 (target < 20)`,
  );
  console.log(
    `Hostile pages with the built extension, Repères' longest share of one task (CPU, wall) and the longest task overall: ${hostile
      .map((h) => `${h.page} ${round(h.longestReperesCpuMs, 1)} / ${round(h.longestReperesWallMs, 1)} / ${round(h.longestTaskMs, 1)} ms`)
      .join(' · ')}`,
  );
  console.log(
    `Bundles (minified / gzipped): ${Object.entries(bundles)
      .sort((a, b) => b[1].bytes - a[1].bytes)
      .map(([name, b]) => `${name} ${round(b.bytes / 1024, 1)} / ${round(b.gzipBytes / 1024, 1)} KB`)
      .join(' · ')}`,
  );
  console.log(
    `What each extension page loads before it runs (minified): ${Object.entries(pageLoads)
      .map(([name, bytes]) => `${name} ${round(bytes / 1024, 1)} KB`)
      .join(' · ')}`,
  );
  console.log(
    `Import of ${imports.articles.toLocaleString('en')} CSV rows (${round(imports.csvBytes / 1e6, 1)} MB): parse ${round(imports.parseMs)} ms, preview (parse + names) ${summary.importPreviewMs} ms; background rebuild ${summary.importMergeMs} ms (${summary.importMergeWithOwnEntityMs} ms with an entity of the reader's); a new entity is scanned for once over every article: ${summary.newEntityScanMs} ms; search over them: ${summary.importSearchMs} ms a query (median of 7 queries, each the median of 5 runs; the slowest query ${summary.importSearchWorstMs} ms), index ${summary.importSearchBuildMs} ms once`,
  );
  console.log(
    `A list of ${lists.entities.toLocaleString('en')} names (${round(lists.csvBytes / 1e6, 1)} MB of CSV): previewed in ${summary.listPreviewMs} ms, made into a pack and stored in ${summary.listStoreMs} ms (fake-indexeddb), its names looked for in the bundled articles in ${summary.listScanMs} ms`,
  );
  console.log(
    `Rendering on a ${paint.page} with ${paint.marks.toLocaleString('en')} marks, scrolled and changed: ${summary.paintMs} ms with Repères' highlights, ${summary.paintMsWithout} ms without (target: at most 100 ms more)`,
  );
  console.log(
    `After a service-worker restart, with ${wake.articles.toLocaleString('en')} imported articles and ${wake.names.toLocaleString('en')} imported names: a new tab's first highlight ${summary.firstHighlightAfterWakeMs} ms (${summary.warmFirstHighlightMs} ms with the worker running); its first card ${summary.firstCardAfterDwellMs} ms after the hover's dwell (worst ${summary.firstCardAfterDwellWorstMs} ms; target ≤ 300)`,
  );
  if (check) {
    console.log(`\nBudgets: ${BUDGETS.length - misses.length} of ${BUDGETS.length} held`);
    for (const m of misses) console.log(`  over: ${describeBudget(m.budget, m.value)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

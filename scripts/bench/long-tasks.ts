// Long tasks caused by Repères, measured in a Chrome trace.
//
// Which events name the content script (checked in real traces, Chromium 14x):
// - its first run is an EvaluateScript (with v8.compile and v8.run inside)
//   whose args.data.url is chrome-extension://…/content-scripts/content.js;
// - timer callbacks are TimerFire > FunctionCall with the function's script url;
// - but the continuations of its awaits (extension message replies,
//   scheduler.yield between scan slices, MutationObserver callbacks) run as
//   microtasks, under no event with a url. The scan itself is there.
// So trace events alone miss most of Repères' work. The V8 sampling profiler
// (category disabled-by-default-v8.cpu_profiler) fills the gap: every sample
// carries its JavaScript stack, with each frame's script url. Within each
// top-level task on the page's renderer main thread, Repères' portion is the
// union of (a) events whose url is the extension's, and (b) the time from each
// sample whose stack holds an extension frame to the next sample (as DevTools
// counts it), clipped to the task. Work Blink does for a script call (a forced
// style recalc, say) is sampled with the calling script's stack, so it counts.
// Rendering that the browser does later on its own (painting the highlights)
// is not attributed to anyone: the bench reports the longest task overall too.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** One trace event, as Chrome reports it (only the fields used here). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  cat?: string;
  args?: {
    name?: string;
    fileName?: string;
    data?: {
      url?: string;
      processId?: number;
      frames?: { url?: string; processId?: number }[];
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
      stackTrace?: { url?: string }[];
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number; columnNumber?: number };
}

export const TRACE_CATEGORIES = [
  '__metadata',
  'toplevel',
  'v8',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
];

/** Task events: the outermost of them on the main thread are its tasks. */
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
/** Events that run script, and may name it. */
const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'FunctionCall',
  'v8.compile',
  'v8.run',
  'v8.callFunction',
  'TimerFire',
  'FireAnimationFrame',
  'FireIdleCallback',
  'EventDispatch',
  'ParseAuthorStyleSheet',
]);

export const isExtensionUrl = (url: string | undefined): boolean => url?.startsWith('chrome-extension://') ?? false;

export interface TaskReport {
  /** Start, trace clock (µs). */
  ts: number;
  /** Wall-clock length, ms. */
  duration: number;
  /** The main thread's own CPU time in it, ms (less than `duration` when the OS ran something else meanwhile). */
  cpu: number;
  /** Wall-clock time within it that Repères' script accounts for, ms. */
  reperes: number;
  /**
   * The same, scaled by the task's CPU/wall ratio: an estimate of Repères'
   * own CPU time in it, leaving out time the OS gave other processes.
   */
  reperesCpu: number;
  /** What that time went to: event names or sampled functions (innermost extension frame), ms. */
  by: Record<string, number>;
}

export interface LongTaskSummary {
  /** Tasks on the page's renderer main thread(s). */
  tasks: number;
  longestTask: number;
  longestReperes: number;
  /** The largest `reperesCpu` of any task. */
  longestReperesCpu: number;
  /** The task with the longest Repères portion. */
  worst: TaskReport | null;
  /** The five tasks with the longest Repères portions, longest first. */
  top: TaskReport[];
  /** Samples seen: zero means the profiler category was off, and only events counted. */
  samples: number;
}

type Interval = { from: number; to: number; label: string };

/** Complete events (ph X, or B/E pairs) of one thread, sorted by start. */
function completeEvents(events: TraceEvent[]): (TraceEvent & { dur: number })[] {
  const out: (TraceEvent & { dur: number })[] = [];
  const open = new Map<string, TraceEvent[]>();
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X' && e.dur !== undefined) out.push(e as TraceEvent & { dur: number });
    else if (e.ph === 'B') {
      const key = `${e.pid}:${e.tid}:${e.name}`;
      open.set(key, [...(open.get(key) ?? []), e]);
    } else if (e.ph === 'E') {
      const key = `${e.pid}:${e.tid}:${e.name}`;
      const b = open.get(key)?.pop();
      if (b) out.push({ ...b, ph: 'X', dur: e.ts - b.ts });
    }
  }
  return out.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

/** The url an event gives for the script it runs, if any. */
function urlOf(e: TraceEvent): string | undefined {
  return e.args?.data?.url ?? e.args?.fileName ?? e.args?.data?.stackTrace?.[0]?.url;
}

/** Renderer processes that showed a page at `pageUrl` (from the browser's frame events); all renderers when not given. */
export function pageProcesses(events: TraceEvent[], pageUrl?: string): Set<number> | null {
  if (!pageUrl) return null;
  const pids = new Set<number>();
  for (const e of events) {
    if (e.name === 'FrameCommittedInBrowser' && e.args?.data?.url?.startsWith(pageUrl) && e.args.data.processId) pids.add(e.args.data.processId);
    if (e.name === 'TracingStartedInBrowser') for (const f of e.args?.data?.frames ?? []) if (f.url?.startsWith(pageUrl) && f.processId) pids.add(f.processId);
  }
  return pids.size ? pids : null;
}

/** Sample intervals on one thread whose stack holds a frame `ours` accepts, labelled by the innermost such frame. */
function sampledIntervals(
  events: TraceEvent[],
  pid: number,
  tid: number,
  ours: (url: string | undefined) => boolean,
): { intervals: Interval[]; samples: number } {
  const profiles = new Map<string, { nodes: Map<number, ProfileNode>; times: number[]; samples: number[]; t: number }>();
  for (const e of events)
    if (e.name === 'Profile' && e.pid === pid && e.tid === tid && e.id !== undefined)
      profiles.set(e.id, { nodes: new Map(), times: [], samples: [], t: e.args?.data?.startTime ?? e.ts });
  // Chunks come from the profiler's own thread, tied to the profile by id.
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid || e.id === undefined) continue;
    const p = profiles.get(e.id);
    const data = e.args?.data;
    if (!p || !data) continue;
    for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    const samples = data.cpuProfile?.samples ?? [];
    samples.forEach((s, i) => {
      p.t += data.timeDeltas?.[i] ?? 0;
      p.samples.push(s);
      p.times.push(p.t);
    });
  }
  const intervals: Interval[] = [];
  let count = 0;
  for (const p of profiles.values()) {
    const label = new Map<number, string | null>();
    const labelOf = (id: number): string | null => {
      const known = label.get(id);
      if (known !== undefined) return known;
      let found: string | null = null;
      for (let n = p.nodes.get(id); n && !found; n = n.parent === undefined ? undefined : p.nodes.get(n.parent))
        if (ours(n.callFrame.url))
          found = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url?.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
      label.set(id, found);
      return found;
    };
    count += p.samples.length;
    for (let i = 0; i + 1 < p.samples.length; i++) {
      const l = labelOf(p.samples[i]!);
      if (l) intervals.push({ from: p.times[i]!, to: p.times[i + 1]!, label: l });
    }
  }
  return { intervals, samples: count };
}

/**
 * Total length of the union of the intervals (sorted by start) that start within [from, to),
 * clipped to it, with a share per label. (A sample followed by a long gap,
 * when the profiler's thread was late, counts only in its own task.)
 */
function unionWithin(sorted: Interval[], from: number, to: number): { total: number; by: Record<string, number> } {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.from < from) lo = mid + 1;
    else hi = mid;
  }
  const clipped: Interval[] = [];
  for (let k = lo; k < sorted.length && sorted[k]!.from < to; k++) clipped.push({ ...sorted[k]!, to: Math.min(sorted[k]!.to, to) });
  let total = 0;
  let reach = from;
  const by: Record<string, number> = {};
  for (const i of clipped) {
    const start = Math.max(i.from, reach);
    if (i.to <= start) continue;
    total += i.to - start;
    by[i.label] = (by[i.label] ?? 0) + (i.to - start) / 1000;
    reach = i.to;
  }
  return { total, by };
}

/**
 * Repères' share of every task on the page's renderer main thread.
 * `pageUrl` (a prefix, e.g. the server's origin) picks the page's renderer.
 */
export function longTasks(events: TraceEvent[], opts: { pageUrl?: string; ours?: (url: string | undefined) => boolean } = {}): LongTaskSummary {
  const ours = opts.ours ?? isExtensionUrl;
  const pids = pageProcesses(events, opts.pageUrl);
  const mains: { pid: number; tid: number }[] = [];
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (!pids || pids.has(e.pid))) mains.push({ pid: e.pid, tid: e.tid });

  const summary: LongTaskSummary = { tasks: 0, longestTask: 0, longestReperes: 0, longestReperesCpu: 0, worst: null, top: [], samples: 0 };
  for (const { pid, tid } of mains) {
    const thread = completeEvents(events.filter((e) => e.pid === pid && e.tid === tid));
    // Outermost script events that name the extension.
    const named: Interval[] = [];
    let namedUntil = -Infinity;
    for (const e of thread) {
      if (e.ts < namedUntil || !SCRIPT_EVENTS.has(e.name) || !ours(urlOf(e))) continue;
      named.push({ from: e.ts, to: e.ts + e.dur, label: e.name });
      namedUntil = e.ts + e.dur;
    }
    const sampled = sampledIntervals(events, pid, tid, ours);
    summary.samples += sampled.samples;
    const all = [...named, ...sampled.intervals].sort((a, b) => a.from - b.from);
    let taskUntil = -Infinity;
    for (const t of thread) {
      if (!TASKS.has(t.name) || t.ts < taskUntil) continue;
      taskUntil = t.ts + t.dur;
      summary.tasks++;
      const { total, by } = unionWithin(all, t.ts, t.ts + t.dur);
      const cpu = Math.min(t.tdur ?? t.dur, t.dur);
      const report: TaskReport = {
        ts: t.ts,
        duration: t.dur / 1000,
        cpu: cpu / 1000,
        reperes: total / 1000,
        reperesCpu: t.dur ? (total * cpu) / t.dur / 1000 : 0,
        by,
      };
      summary.longestTask = Math.max(summary.longestTask, report.duration);
      summary.longestReperesCpu = Math.max(summary.longestReperesCpu, report.reperesCpu);
      if (report.reperes > 0) summary.top = [...summary.top, report].sort((a, b) => b.reperes - a.reperes).slice(0, 5);
    }
  }
  summary.worst = summary.top[0] ?? null;
  summary.longestReperes = summary.worst?.reperes ?? 0;
  return summary;
}

/** A trace of `page`, started now over CDP; `stop` ends it and returns the events. */
export async function startTrace(context: BrowserContext, page: Page, categories = TRACE_CATEGORIES): Promise<{ stop: () => Promise<TraceEvent[]> }> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: categories } });
  return {
    async stop() {
      const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach().catch(() => undefined);
      return events;
    },
  };
}

/** One line for the bench's log: the figures, and where the worst Repères time went. */
export function describeSummary(label: string, s: LongTaskSummary): string {
  const where = Object.entries(s.worst?.by ?? {})
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([k, v]) => `${k} ${v.toFixed(1)} ms`)
    .join(', ');
  return `[long tasks] ${label}: longest Repères portion ${s.longestReperes.toFixed(1)} ms wall, ${s.longestReperesCpu.toFixed(1)} ms CPU (worst by wall: in a ${s.worst?.duration.toFixed(1) ?? 0} ms task, ${s.worst?.cpu.toFixed(1) ?? 0} ms of CPU${where ? `: ${where}` : ''}); longest task overall ${s.longestTask.toFixed(1)} ms; ${s.tasks} tasks, ${s.samples} samples`;
}

export interface TracedVisit {
  page: Page;
  /** Ends the trace and returns the figures. */
  finish: () => Promise<LongTaskSummary>;
}

/** Opens `url` in a new tab with a trace running from before navigation. */
export async function tracedVisit(context: BrowserContext, url: string): Promise<TracedVisit> {
  const page = await context.newPage();
  await page.goto('about:blank');
  const trace = await startTrace(context, page);
  await page.goto(url);
  return {
    page,
    finish: async () => longTasks(await trace.stop(), { pageUrl: new URL(url).origin }),
  };
}

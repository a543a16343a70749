// The long-task attribution, on small synthetic traces (no browser).
import { describe, expect, it } from 'vitest';
import { longTasks, type TraceEvent } from '../../../scripts/bench/long-tasks';

const EXT = 'chrome-extension://abc/content-scripts/content.js';
const PAGE = 'http://127.0.0.1:8000/page.html';
const ms = 1000; // trace times are in µs

const meta = (pid: number, tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', ts: 0, pid, tid, args: { name } });
const x = (name: string, ts: number, dur: number, url?: string, pid = 1): TraceEvent => ({
  name,
  ph: 'X',
  ts,
  dur,
  pid,
  tid: pid,
  args: url ? { data: { url } } : {},
});

/** A page renderer (pid 1) and another renderer (pid 2) that the page URL rules out. */
function trace(): TraceEvent[] {
  return [
    meta(1, 1, 'CrRendererMain'),
    meta(1, 9, 'Compositor'),
    meta(2, 2, 'CrRendererMain'),
    { name: 'FrameCommittedInBrowser', ph: 'I', ts: 0, pid: 0, tid: 0, args: { data: { url: PAGE, processId: 1 } } },

    // Task A (100 ms): the content script's first run, 20 ms, with nested events naming it too
    // (counted once), then 30 ms of the page's own script.
    // The OS gave half of its time to other processes.
    { ...x('RunTask', 1000 * ms, 100 * ms), tdur: 50 * ms },
    x('ThreadControllerImpl::RunTask', 1000 * ms, 100 * ms),
    x('EvaluateScript', 1001 * ms, 20 * ms, EXT),
    x('v8.compile', 1001 * ms, 5 * ms, EXT),
    x('v8.run', 1006 * ms, 15 * ms, EXT),
    x('FunctionCall', 1030 * ms, 30 * ms, PAGE),

    // Task B (60 ms, as a B/E pair): no event names the extension, but samples do.
    { name: 'ThreadControllerImpl::RunTask', ph: 'B', ts: 2000 * ms, pid: 1, tid: 1 },
    { name: 'ThreadControllerImpl::RunTask', ph: 'E', ts: 2060 * ms, pid: 1, tid: 1 },
    // The same time on another thread of the page's process: not a main-thread task.
    { ...x('RunTask', 2000 * ms, 500 * ms), tid: 9 },

    // Task C (10 ms): ends with an extension sample followed by a long gap.
    x('RunTask', 3000 * ms, 10 * ms),

    // The sampling profiler: started on the main thread, chunks from its own thread.
    { name: 'Profile', ph: 'P', ts: 0, pid: 1, tid: 1, id: '0x1', args: { data: { startTime: 0 } } },
    {
      name: 'ProfileChunk',
      ph: 'P',
      ts: 5000 * ms,
      pid: 1,
      tid: 7,
      id: '0x1',
      args: {
        data: {
          cpuProfile: {
            nodes: [
              { id: 1, callFrame: { functionName: '(root)' } },
              { id: 2, parent: 1, callFrame: { functionName: 'scanInSlices', url: EXT, lineNumber: 4, columnNumber: 10 } },
              { id: 3, parent: 2, callFrame: { functionName: 'getBoundingClientRect' } },
              { id: 4, parent: 1, callFrame: { functionName: 'pageWork', url: PAGE } },
              { id: 5, parent: 1, callFrame: { functionName: '(program)' } },
            ],
            // Times: 2000, 2010, 2030, 2040 (task B); 3005 (task C); 3500 (no task).
            samples: [3, 2, 4, 5, 2, 5],
          },
          timeDeltas: [2000 * ms, 10 * ms, 20 * ms, 10 * ms, 965 * ms, 495 * ms],
        },
      },
    },

    // The other renderer: a long extension task, which is not the page's.
    x('RunTask', 1000 * ms, 90 * ms, undefined, 2),
    x('EvaluateScript', 1000 * ms, 80 * ms, EXT, 2),
  ];
}

describe('long tasks attributed to Repères', () => {
  it('adds events that name the extension and samples whose stack holds it, per task', () => {
    const s = longTasks(trace(), { pageUrl: 'http://127.0.0.1:8000' });
    // A, B and C on the page's main thread; the nested RunTask and other threads are not tasks.
    expect(s.tasks).toBe(3);
    expect(s.longestTask).toBe(100);
    // Task B: samples at 2000 (native call under scanInSlices) and 2010 (scanInSlices) until 2030.
    expect(s.longestReperes).toBe(30);
    expect(s.longestReperesCpu).toBe(30);
    expect(s.worst).toMatchObject({ ts: 2000 * ms, duration: 60, cpu: 60, reperes: 30 });
    expect(s.worst?.by).toEqual({ 'scanInSlices content.js:4:10': 30 });
    expect(s.samples).toBe(6);
  });

  it('counts nested events naming the extension once, and a sample before a gap only up to its task end', () => {
    const events = trace().filter((e) => e.name !== 'ProfileChunk');
    const s = longTasks(events, { pageUrl: 'http://127.0.0.1:8000' });
    expect(s.worst).toMatchObject({ ts: 1000 * ms, duration: 100, cpu: 50, reperes: 20, reperesCpu: 10, by: { EvaluateScript: 20 } });
    expect(s.longestReperesCpu).toBe(10);

    const c = longTasks(
      trace().filter((e) => !(e.name === 'ThreadControllerImpl::RunTask' || e.ts === 1000 * ms)),
      { pageUrl: 'http://127.0.0.1:8000' },
    );
    // Only task C is left: its sample at 3005 runs to the task's end (3010), not to the next sample (3500).
    expect(c.tasks).toBe(1);
    expect(c.longestReperes).toBe(5);
  });

  it('takes every renderer without a page URL, and nothing when no url is the extension', () => {
    expect(longTasks(trace()).longestReperes).toBe(80);
    expect(longTasks(trace(), { pageUrl: 'http://127.0.0.1:8000', ours: () => false }).longestReperes).toBe(0);
  });
});

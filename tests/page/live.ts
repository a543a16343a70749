// Live scanners for the page tests.
import { vi } from 'vitest';
import type { SpotterIndex } from '../../core/spotter';
import type { MarkPainter } from '../../page/highlights';
import { LiveScanner } from '../../page/live-scanner';

/**
 * The Highlight API as much as the painter uses of it (happy-dom has none):
 * a Set of ranges per highlight, and one pinned CSS.highlights registry.
 */
export function installHighlightStandIn(): Map<string, Set<AbstractRange>> {
  const g = globalThis as Record<string, unknown>;
  g.Highlight ??= class extends Set<AbstractRange> {};
  // happy-dom's global CSS is a getter returning a fresh object: pin one, with a registry.
  const css = (g.CSS ?? {}) as { highlights?: Map<string, Set<AbstractRange>> };
  if (!(css.highlights instanceof Map)) Object.defineProperty(css, 'highlights', { value: new Map(), configurable: true });
  Object.defineProperty(globalThis, 'CSS', { value: css, configurable: true, writable: true });
  return css.highlights!;
}

/** A painter like the Highlight API's: marks are added and removed in place, so only changed blocks are rescanned. */
export function inPlacePainter(extra: Partial<MarkPainter> = {}): MarkPainter {
  return { setMarks() {}, setEnabled() {}, destroy() {}, add() {}, remove() {}, ...extra };
}

/** A live scanner on the test document that throws its errors, and the controller that ends it. Not started. */
export function liveScanner(index: SpotterIndex, painter?: MarkPainter, onChange: () => void = () => {}) {
  const controller = new AbortController();
  const scanner = new LiveScanner(document, index, {
    signal: controller.signal,
    onChange,
    onError: (e) => {
      throw e;
    },
    ...(painter ? { painter } : {}),
  });
  return { scanner, controller };
}

/**
 * A stand-in with StaticRange's shape (happy-dom has none): its bounds,
 * fixed whatever the page does, and nothing else.
 */
export class FakeStaticRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  constructor(init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) {
    ({ startContainer: this.startContainer, startOffset: this.startOffset, endContainer: this.endContainer, endOffset: this.endOffset } = init);
  }
  get collapsed() {
    return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
  }
}

/**
 * Fake timers for the scanner: its yields between slices and the frame in
 * which it takes the page's changes run when the test says, with no real wait.
 */
export function fakeScannerTimers(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
}

/** Runs the scanner's pending work (observer records, its frame, a rescan's slices) to the end. */
export const settle = (): Promise<unknown> => vi.runAllTimersAsync();

/** Starts a scanner, running its slices to the end. */
export async function started(scanner: { start(): Promise<void> }): Promise<void> {
  const done = scanner.start();
  await settle();
  await done;
}

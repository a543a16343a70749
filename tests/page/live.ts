// Live scanners for the page tests.
import type { SpotterIndex } from '../../core/spotter';
import type { MarkPainter } from '../../page/highlights';
import { LiveScanner } from '../../page/live-scanner';

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

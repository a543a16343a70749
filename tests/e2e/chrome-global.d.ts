// Code passed to worker.evaluate() runs in the extension's service worker,
// where the `chrome` global exists; this gives it the extension API's types.
import type { browser } from 'wxt/browser';

declare global {
  const chrome: typeof browser;
}

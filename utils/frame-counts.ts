// The background's per-frame mention counts (core/frames.ts), kept in session
// storage while the browser runs: the MV3 service worker stops when idle, the
// tabs do not. Background only: content scripts may not touch session storage
// (defining the item there throws into the page).
import { storage } from 'wxt/utils/storage';

export const frameCountsItem = storage.defineItem<Record<string, Record<string, Record<string, number>>>>('session:frameCounts', { fallback: {} });

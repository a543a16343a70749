// A tab's mentions come from each of its frames (the page, and frames of the
// page's own origin): each frame's content script reports its own counts,
// and the badge and popup add them up.

export type Counts = Record<string, number>;

export class FrameCounts {
  private readonly tabs = new Map<number, Map<number, Counts>>();

  /** A frame's latest counts; an empty report (the frame went away) forgets it. */
  set(tabId: number, frameId: number, counts: Counts): void {
    const frames = this.tabs.get(tabId) ?? new Map<number, Counts>();
    if (Object.keys(counts).length === 0) frames.delete(frameId);
    else frames.set(frameId, counts);
    if (frames.size) this.tabs.set(tabId, frames);
    else this.tabs.delete(tabId);
  }

  /** Plain data, to keep across restarts of the background (an MV3 service worker stops when idle). */
  toJSON(): Record<string, Record<string, Counts>> {
    const out: Record<string, Record<string, Counts>> = {};
    for (const [tabId, frames] of this.tabs) out[tabId] = Object.fromEntries(frames);
    return out;
  }

  /** Takes back what toJSON gave, under what was reported since. */
  restore(saved: Record<string, Record<string, Counts>>): void {
    for (const [tabId, frames] of Object.entries(saved)) {
      const known = this.tabs.get(Number(tabId)) ?? new Map<number, Counts>();
      for (const [frameId, counts] of Object.entries(frames)) if (!known.has(Number(frameId))) known.set(Number(frameId), counts);
      if (known.size) this.tabs.set(Number(tabId), known);
    }
  }

  /** The frames of a tab that mention `entity`, other than the top one. */
  framesWith(tabId: number, entity: string): number[] {
    return [...(this.tabs.get(tabId) ?? [])].filter(([frameId, counts]) => frameId !== 0 && (counts[entity] ?? 0) > 0).map(([frameId]) => frameId);
  }

  /** The tab navigated or closed: its frames are gone. */
  clearTab(tabId: number): void {
    this.tabs.delete(tabId);
  }

  /** The tab's counts over its frames, leaving out `except` (the top frame, which the popup asks itself). */
  merged(tabId: number, except?: number): Counts {
    let out: Counts = {};
    for (const [frameId, counts] of this.tabs.get(tabId) ?? []) if (frameId !== except) out = addCounts(out, counts);
    return out;
  }
}

export function addCounts(a: Counts, b: Counts): Counts {
  const out: Counts = { ...a };
  for (const [entity, n] of Object.entries(b)) out[entity] = (out[entity] ?? 0) + n;
  return out;
}

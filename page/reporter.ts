// Sends the page's counts to the background only when they changed or the
// page's address did (the background forgets a tab's counts when it
// navigates): a live page rescans many times a minute, and each report is a
// message and a storage write in the background.

export type Counts = Record<string, number>;

export class CountsReporter {
  /** Counts last sent, and the address they were for. */
  private last: { counts: Counts; href: string } | null = null;

  constructor(private readonly send: (counts: Counts) => void) {}

  /** Sends `counts` for the page at `href`, unless they were the last sent for it. */
  report(counts: Counts, href: string): void {
    const last = this.last;
    const keys = Object.keys(counts);
    const same = last && last.href === href && keys.length === Object.keys(last.counts).length && keys.every((k) => last.counts[k] === counts[k]);
    if (same) return;
    this.last = { counts, href };
    this.send(counts);
  }
}

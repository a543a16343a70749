// The distinct word hashes of a page's text: what the content script sends
// the background to learn its aliases (page/vocabulary.ts). A page has
// hundreds of thousands of words and a few thousand distinct ones, so the
// set is asked about every word and grows rarely. Kept in typed arrays with
// open addressing rather than a Set<number>: the tab's start-up cost is
// mostly this, and `npm run bench` (the scale case's initMs) measured it.

const START_BITS = 12;

export class WordSet {
  private slots = new Int32Array(1 << START_BITS);
  private used = new Uint8Array(1 << START_BITS);
  private mask = (1 << START_BITS) - 1;
  size = 0;

  private slot(h: number): number {
    // Fibonacci hashing spreads hashes that differ only in their low bits.
    let i = Math.imul(h, 0x9e3779b1) >>> (32 - this.bits());
    while (this.used[i] && this.slots[i] !== h) i = (i + 1) & this.mask;
    return i;
  }

  private bits(): number {
    return 31 - Math.clz32(this.mask + 1);
  }

  add(h: number): void {
    const i = this.slot(h);
    if (this.used[i]) return;
    this.used[i] = 1;
    this.slots[i] = h;
    // At most half full: probes stay short.
    if (++this.size * 2 > this.mask) this.grow();
  }

  has(h: number): boolean {
    return this.used[this.slot(h)] === 1;
  }

  values(): number[] {
    const out: number[] = [];
    for (let i = 0; i <= this.mask; i++) if (this.used[i]) out.push(this.slots[i]!);
    return out;
  }

  private grow(): void {
    const { slots, used } = this;
    const size = slots.length * 2;
    this.slots = new Int32Array(size);
    this.used = new Uint8Array(size);
    this.mask = size - 1;
    this.size = 0;
    for (let i = 0; i < slots.length; i++) if (used[i]) this.add(slots[i]!);
  }
}

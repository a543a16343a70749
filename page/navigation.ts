// Moving through the page's mentions without the pointer: "show me where" from
// the popup, and the next and previous commands from the keyboard. Plain logic
// over the shown marks in document order; the caller scrolls and opens cards.

export class MentionNavigation<M extends { entity: string }> {
  /** Per entity, which of its shown mentions `reveal` reached last. */
  private readonly revealed = new Map<string, number>();
  private current: M | null = null;

  /** The mention last reached from the keyboard or the popup: its card takes focus. */
  get focused(): M | null {
    return this.current;
  }

  /** The reader closed the card with Escape: the next step starts again from an end. */
  blur(): void {
    this.current = null;
  }

  /** The next of `entity`'s mentions among `shown`, after the one revealed last and wrapping; null when it has none. */
  reveal(entity: string, shown: readonly M[]): M | null {
    const marks = shown.filter((m) => m.entity === entity);
    if (marks.length === 0) return null;
    const k = ((this.revealed.get(entity) ?? -1) + 1) % marks.length;
    this.revealed.set(entity, k);
    return (this.current = marks[k]!);
  }

  /**
   * The mention after (1) or before (-1) the focused one among `shown`,
   * wrapping; the first or the last when none is focused or the focused one
   * is no longer shown. Null when nothing is shown.
   */
  step(direction: 1 | -1, shown: readonly M[]): M | null {
    if (shown.length === 0) return null;
    const at = this.current ? shown.indexOf(this.current) : -1;
    const k = at < 0 ? (direction === 1 ? 0 : shown.length - 1) : (at + direction + shown.length) % shown.length;
    return (this.current = shown[k]!);
  }
}

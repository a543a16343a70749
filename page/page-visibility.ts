// What the reader sees on this page (core/visibility.ts), from two sources
// that change apart: the settings, and the entities rejected on this page
// ("Not this one"). Rejections read before the settings wait for them.

import type { Settings } from '../core/settings';
import { SHOW_ALL, visibilityOf, type Visibility } from '../core/visibility';

export class PageVisibility {
  private settings: Settings | null = null;
  private rejected: readonly string[] = [];
  private visibility: Visibility = SHOW_ALL;

  /** `onChange` is told each new visibility; `hostname` is read each time, for "off on this site". */
  constructor(
    private readonly hostname: () => string,
    private readonly onChange: (v: Visibility) => void,
  ) {}

  /** Everything is shown until the settings are read. */
  get current(): Visibility {
    return this.visibility;
  }

  setSettings(settings: Settings): void {
    this.settings = settings;
    this.update(settings);
  }

  setRejected(entities: readonly string[]): void {
    this.rejected = entities;
    if (this.settings) this.update(this.settings);
  }

  private update(settings: Settings): void {
    this.visibility = visibilityOf(settings, this.hostname(), this.rejected);
    this.onChange(this.visibility);
  }
}

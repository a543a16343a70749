// The part of mark.js the benchmark uses (the package ships no types).
declare module 'mark.js' {
  interface MarkOptions {
    accuracy?: string | { value: string; limiters: string[] };
    diacritics?: boolean;
    caseSensitive?: boolean;
    separateWordSearch?: boolean;
    acrossElements?: boolean;
    exclude?: string[];
    each?: (element: Element) => void;
    done?: (count: number) => void;
  }
  export default class Mark {
    constructor(context: Element | Element[] | string);
    mark(keywords: string | string[], options?: MarkOptions): void;
    unmark(options?: { done?: () => void }): void;
  }
}

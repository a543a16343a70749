// Adds Repères' rules to the page's own styles (some, like ::highlight(),
// only work there), with how to change them (the reader picks the colours)
// and take them out again.

// A shadow tree does not see the document's styles: an open shadow root
// whose text Repères highlights gets the same rules adopted into it.
export interface PageStyles {
  update(css: string): void;
  remove(): void;
}

export function addPageStyles(root: Document | ShadowRoot, css: string): PageStyles {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return {
      update: (next) => sheet.replaceSync(next),
      remove: () => {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      },
    };
  } catch {
    // Engines without constructable stylesheets: a <style> element instead.
    const isDocument = (r: Document | ShadowRoot): r is Document => 'createElement' in r;
    const style = (isDocument(root) ? root : root.ownerDocument).createElement('style');
    style.textContent = css;
    style.dataset.reperes = '';
    if (isDocument(root)) (root.head ?? root.documentElement).append(style);
    else root.append(style);
    return { update: (next) => (style.textContent = next), remove: () => style.remove() };
  }
}

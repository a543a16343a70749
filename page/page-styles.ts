// Adds Repères' rules to the page's own styles (some, like ::highlight(),
// only work there) and returns how to take them out again.

export function addPageStyles(doc: Document, css: string): () => void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  } catch {
    // Engines without constructable stylesheets: a <style> element instead.
    const style = doc.createElement('style');
    style.textContent = css;
    style.dataset.reperes = '';
    (doc.head ?? doc.documentElement).append(style);
    return () => style.remove();
  }
}

// The size of each script the built extension ships, by bundle: the name
// without its content hash, under the folder it is in ("chunks/options",
// "assets/import-worker", "content-scripts/content", "background"), chunks of
// one name summed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  bytes: number;
  gzipBytes: number;
}

const bundleName = (path: string) =>
  path
    .replace(/\\/g, '/')
    .replace(/-[\w-]{8}\.js$/, '')
    .replace(/\.js$/, '');

/** Every .js file under `dir` (a browser's output folder), by bundle name. */
export function bundleSizes(dir: string): Record<string, BundleSize> {
  const out: Record<string, BundleSize> = {};
  const visit = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (name.endsWith('.js')) {
        // Chunks that share a name (two "popup" chunks) count as one bundle.
        const bytes = readFileSync(path);
        const name = bundleName(relative(dir, path));
        const known = out[name] ?? { bytes: 0, gzipBytes: 0 };
        out[name] = { bytes: known.bytes + bytes.length, gzipBytes: known.gzipBytes + gzipSync(bytes).length };
      }
    }
  };
  visit(dir);
  return out;
}

/**
 * What each extension page loads before it runs: its module script and the
 * chunks its HTML preloads, by page ("popup", "options", "reader"). Chunk
 * names change as the code is split; what a page loads does not depend on them.
 */
export function pageBytes(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(dir, name), 'utf8');
    const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
    out[name.replace(/\.html$/, '')] = files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  }
  return out;
}

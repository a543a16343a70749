// `npm run zip`: store-ready archives for Chrome and Firefox, and the sources
// archive Firefox's review asks for, with the manifests each store expects.
// `npm test` and `npm run test:e2e` run `npm run zip`, which builds each
// browser's extension once: the end-to-end tests then load those builds, and
// this test opens the archives.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

// resolve, not join: the output directory may be given as an absolute path.
const out = resolve(ROOT, process.env.REPERES_OUT_DIR ?? '.output');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const archive = (browser: string) => `reperes-${version}-${browser}.zip`;

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  web_accessible_resources?: unknown;
  externally_connectable?: unknown;
  content_security_policy?: unknown;
  content_scripts?: { all_frames?: boolean; match_about_blank?: boolean; matches: string[] }[];
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[] } } };
  minimum_chrome_version?: string;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
  browser_action?: { default_icon?: Record<string, string> };
}

async function manifestOf(zip: string): Promise<Manifest> {
  const archive = await JSZip.loadAsync(readFileSync(join(out, zip)));
  return JSON.parse(await archive.file('manifest.json')!.async('string')) as Manifest;
}

/** The width and height of the PNG at `path` in `archive`, or null when it is missing or not a PNG. */
async function pngSize(archive: JSZip, path: string): Promise<{ width: number; height: number } | null> {
  const bytes = await archive.file(path)?.async('uint8array');
  if (!bytes || bytes.length < 24) return null;
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (signature.some((b, i) => bytes[i] !== b)) return null;
  // After the signature, the first chunk is IHDR: length, type, then width and height (big-endian).
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const ICON_SIZES = ['16', '32', '48', '128'];
// What the background sets when Repères is paused (entrypoints/background.ts, showPaused).
const PAUSED_ICONS = { 16: 'icons/paused-16.png', 32: 'icons/paused-32.png' };

describe('npm run zip (wxt zip for Chrome and Firefox)', () => {
  it('writes Chrome, Firefox and sources archives with the manifests the stores expect', async () => {
    const zips = readdirSync(out)
      .filter((f) => f.startsWith(`reperes-${version}-`) && f.endsWith('.zip'))
      .sort();
    expect(zips).toEqual([archive('chrome'), archive('firefox'), archive('sources')]);

    const chrome = await manifestOf(archive('chrome'));
    expect(chrome.manifest_version).toBe(3);
    // The background registers the content script (ADR 6): every web page's access, granted at install as before.
    expect(chrome.permissions).toEqual(['storage', 'scripting']);
    expect(chrome.host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(chrome.minimum_chrome_version).toBe('105');
    expect(JSON.stringify(chrome.content_security_policy)).toContain("connect-src 'none'");

    const firefox = await manifestOf(archive('firefox'));
    expect(firefox.manifest_version).toBe(2);
    // MV2 has no host_permissions key: host access is listed with the permissions.
    expect(firefox.permissions).toEqual(['storage', 'scripting', 'http://*/*', 'https://*/*']);
    expect(firefox.browser_specific_settings?.gecko?.id).toBe('reperes@reperes.example');
    // The browsers with the Custom Highlight API, which draws every mark.
    expect(firefox.browser_specific_settings?.gecko?.strict_min_version).toBe('140.0');
    expect(firefox.browser_specific_settings?.gecko?.data_collection_permissions?.required).toEqual(['none']);

    // No content script in the manifests: the background registers it, where the reader lets it run
    // (tests/e2e/site-access.test.ts checks how). Nothing a page could load to detect Repères,
    // nothing a page could message, and no optional permission: none is asked for later.
    for (const m of [chrome, firefox]) {
      expect(m.content_scripts).toBeUndefined();
      expect(m.optional_permissions).toBeUndefined();
      expect(m.optional_host_permissions).toBeUndefined();
      expect(m.web_accessible_resources).toBeUndefined();
      expect(m.externally_connectable).toBeUndefined();
    }
    // The sources archive rebuilds the add-on: it has the sources and the lock file, not the build output.
    const sources = Object.keys((await JSZip.loadAsync(readFileSync(join(out, archive('sources'))))).files);
    expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'core/spotter.ts', 'assets/icon.svg']));
    expect(sources.some((f) => /^(node_modules|\.output|demo-output)/.test(f))).toBe(false);
  });

  it('ships the icons at every size the manifests name, and the paused toolbar icons', async () => {
    for (const browser of ['chrome', 'firefox']) {
      const zip = await JSZip.loadAsync(readFileSync(join(out, archive(browser))));
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
      const icons = manifest.icons ?? {};
      const sizes = Object.keys(icons).sort((a, b) => Number(a) - Number(b));
      expect(sizes, browser).toEqual(ICON_SIZES);
      // The toolbar: `action` in Chrome's MV3, `browser_action` in Firefox's MV2.
      const toolbar = (browser === 'chrome' ? manifest.action : manifest.browser_action)?.default_icon ?? {};
      expect(Object.keys(toolbar).length, `${browser} toolbar icons`).toBeGreaterThan(0);
      for (const [size, path] of [...Object.entries(icons), ...Object.entries(toolbar), ...Object.entries(PAUSED_ICONS)]) {
        expect(await pngSize(zip, path), `${browser}: ${path}`).toEqual({ width: Number(size), height: Number(size) });
      }
    }
  });
});

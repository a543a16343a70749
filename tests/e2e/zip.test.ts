// `npm run zip`: store-ready archives for Chrome and Firefox, and the sources
// archive Firefox's review asks for, with the manifests each store expects.
// `npm test` and `npm run test:e2e` run `npm run zip`, which builds each
// browser's extension once: the end-to-end tests then load those builds, and
// this test opens the archives.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

const out = join(ROOT, process.env.REPERES_OUT_DIR ?? '.output');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const archive = (browser: string) => `reperes-${version}-${browser}.zip`;

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  web_accessible_resources?: unknown;
  externally_connectable?: unknown;
  content_security_policy?: unknown;
  content_scripts?: { all_frames?: boolean; match_about_blank?: boolean; matches: string[] }[];
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[] } } };
  minimum_chrome_version?: string;
}

async function manifestOf(zip: string): Promise<Manifest> {
  const archive = await JSZip.loadAsync(readFileSync(join(out, zip)));
  return JSON.parse(await archive.file('manifest.json')!.async('string')) as Manifest;
}

describe('npm run zip (wxt zip for Chrome and Firefox)', () => {
  it('writes Chrome, Firefox and sources archives with the manifests the stores expect', async () => {
    const zips = readdirSync(out)
      .filter((f) => f.startsWith(`reperes-${version}-`) && f.endsWith('.zip'))
      .sort();
    expect(zips).toEqual([archive('chrome'), archive('firefox'), archive('sources')]);

    const chrome = await manifestOf(archive('chrome'));
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.permissions).toEqual(['storage']);
    expect(chrome.minimum_chrome_version).toBe('105');
    expect(JSON.stringify(chrome.content_security_policy)).toContain("connect-src 'none'");

    const firefox = await manifestOf(archive('firefox'));
    expect(firefox.manifest_version).toBe(2);
    expect(firefox.browser_specific_settings?.gecko?.id).toBe('reperes@reperes.example');
    // The browsers with the Custom Highlight API, which draws every mark.
    expect(firefox.browser_specific_settings?.gecko?.strict_min_version).toBe('140.0');
    expect(firefox.browser_specific_settings?.gecko?.data_collection_permissions?.required).toEqual(['none']);

    // Nothing a page could load to detect Repères, nothing a page could message; frames with a URL
    // only (about:blank and srcdoc frames are where pages write ad slots).
    for (const m of [chrome, firefox]) {
      expect(m.content_scripts).toEqual([expect.objectContaining({ all_frames: true, matches: ['http://*/*', 'https://*/*'] })]);
      expect(m.content_scripts?.[0]?.match_about_blank).toBeUndefined();
      expect(m.web_accessible_resources).toBeUndefined();
      expect(m.externally_connectable).toBeUndefined();
    }
    // The sources archive rebuilds the add-on: it has the sources and the lock file, not the build output.
    const sources = Object.keys((await JSZip.loadAsync(readFileSync(join(out, archive('sources'))))).files);
    expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'core/spotter.ts']));
    expect(sources.some((f) => /^(node_modules|\.output|demo-output)/.test(f))).toBe(false);
  });
});

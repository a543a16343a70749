// `npm run zip`: store-ready archives for Chrome and Firefox, and the sources
// archive Firefox's review asks for, with the manifests each store expects.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

const out = mkdtempSync(join(tmpdir(), 'reperes-zip-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

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
    // `npm run zip` is data:build then these two; the data is built already (npm test builds first), and
    // rebuilding generated/ here would rewrite files other tests running beside this one read.
    const env = { ...process.env, REPERES_OUT_DIR: out };
    execFileSync('npx', ['wxt', 'zip'], { cwd: ROOT, env, stdio: 'pipe' });
    execFileSync('npx', ['wxt', 'zip', '-b', 'firefox'], { cwd: ROOT, env, stdio: 'pipe' });
    const zips = readdirSync(out).filter((f) => f.endsWith('.zip')).sort();
    expect(zips).toEqual(['reperes-0.1.0-chrome.zip', 'reperes-0.1.0-firefox.zip', 'reperes-0.1.0-sources.zip']);

    const chrome = await manifestOf('reperes-0.1.0-chrome.zip');
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.permissions).toEqual(['storage']);
    expect(chrome.minimum_chrome_version).toBe('105');
    expect(JSON.stringify(chrome.content_security_policy)).toContain("connect-src 'none'");

    const firefox = await manifestOf('reperes-0.1.0-firefox.zip');
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
    const sources = Object.keys((await JSZip.loadAsync(readFileSync(join(out, 'reperes-0.1.0-sources.zip')))).files);
    expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'core/spotter.ts']));
    expect(sources.some((f) => /^(node_modules|\.output|demo-output)/.test(f))).toBe(false);
  }, 240_000);
});

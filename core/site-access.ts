// Where the content script runs (ADR 6): on every web page (the default), or
// only on the sites the reader allowed ("Only on sites I allow"). The rules
// are pure, so they are tested in Node; the storage item lives in
// utils/site-access.ts and the registration in the background.

export const SITE_ACCESS_VERSION = 1;

export type SiteMode = 'everywhere' | 'allowed';

export interface SiteAccess {
  /** 'everywhere': every http and https page; 'allowed': only the sites in `allowed`. */
  mode: SiteMode;
  /** Host names the reader allowed ("Allow on this site"); kept when the mode changes, used only in the 'allowed' mode. */
  allowed: string[];
}

export const DEFAULT_SITE_ACCESS: SiteAccess = { mode: 'everywhere', allowed: [] };
/** Runs on no page: where the content script stands before the add-on is installed. */
export const NOWHERE: SiteAccess = { mode: 'allowed', allowed: [] };

/** Every web page: the content script's widest reach, and the host access the manifests ask for. */
export const WEB_PAGES: string[] = ['http://*/*', 'https://*/*'];

/**
 * The content script as the background registers it (scripting.registerContentScripts).
 * entrypoints/content/index.ts declares the same options to WXT, which builds the file.
 */
export const CONTENT_SCRIPT = {
  id: 'content',
  /** Where WXT writes the content entrypoint's bundle. */
  js: ['/content-scripts/content.js'],
  runAt: 'document_idle',
  // Frames of the page's own origin, loaded from a URL. Not about:blank or
  // srcdoc frames: there, on news sites, are mostly ad slots a page writes
  // into, and each would evaluate the script on the page's own thread.
  allFrames: true,
} as const;

/** The site of a page, as the reader allows it: its host name, for http and https pages only. */
export function siteOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname ? parsed.hostname : null;
}

/**
 * The match patterns of one site: both schemes (a site reached over http and
 * https is one site to the reader) and every port (match patterns cannot
 * name one), every path.
 */
export function sitePatterns(host: string): string[] {
  return [`http://${host}/*`, `https://${host}/*`];
}

/** Whether the content script runs on pages of `host`. */
export function runsOn(access: SiteAccess, host: string): boolean {
  return access.mode === 'everywhere' || access.allowed.includes(host);
}

/** Where the content script is registered; empty when it runs nowhere (then it is not registered at all). */
export function scriptMatches(access: SiteAccess): string[] {
  return access.mode === 'everywhere' ? [...WEB_PAGES] : access.allowed.flatMap(sitePatterns);
}

export function withMode(access: SiteAccess, mode: SiteMode): SiteAccess {
  return { ...access, mode };
}

export function withAllowedSite(access: SiteAccess, host: string, allowed: boolean): SiteAccess {
  const rest = access.allowed.filter((h) => h !== host);
  return { ...access, allowed: allowed ? [...rest, host] : rest };
}

/** Whether a change of access starts the script on pages of `host` (open tabs there get it then, without a reload). */
export function startsOn(before: SiteAccess, after: SiteAccess, host: string): boolean {
  return !runsOn(before, host) && runsOn(after, host);
}

/** The part of a registered content script that says where and how it runs. */
export interface ScriptRegistration {
  matches?: string[];
  js?: string[];
  allFrames?: boolean;
  runAt?: string;
}

/** A file of the extension as registered: Chrome gives it back without its leading slash. */
export function scriptFile(path: string): string {
  return path.replace(/^\//, '');
}

/** Whether a registration already says what `wanted` says (then it is left alone). */
export function sameRegistration(current: ScriptRegistration, wanted: ScriptRegistration): boolean {
  const same = (a: readonly string[] = [], b: readonly string[] = []) => [...a].sort().join('\n') === [...b].sort().join('\n');
  return (
    same(current.matches, wanted.matches) &&
    same(current.js?.map(scriptFile), wanted.js?.map(scriptFile)) &&
    !!current.allFrames === !!wanted.allFrames &&
    current.runAt === wanted.runAt
  );
}

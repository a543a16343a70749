import { describe, expect, it } from 'vitest';
import {
  CONTENT_SCRIPT,
  DEFAULT_SITE_ACCESS,
  NOWHERE,
  runsOn,
  sameRegistration,
  scriptMatches,
  siteOf,
  sitePatterns,
  startsOn,
  WEB_PAGES,
  withAllowedSite,
  withMode,
  type SiteAccess,
} from '../../core/site-access';

const allowedOnly: SiteAccess = withMode(DEFAULT_SITE_ACCESS, 'allowed');

describe('the site of a page', () => {
  it('is the host name of an http or https page, whatever its port, path or case', () => {
    expect(siteOf('https://www.Lemonde.fr/international/article.html?x=1#top')).toBe('www.lemonde.fr');
    expect(siteOf('http://127.0.0.1:8080/a')).toBe('127.0.0.1');
    expect(siteOf('http://[::1]:3000/')).toBe('[::1]');
  });

  it('is none for browser, extension, file and data pages, and for what is not a URL', () => {
    for (const url of ['chrome://extensions/', 'about:blank', 'moz-extension://x/popup.html', 'file:///tmp/a.html', 'data:text/html,x', 'not a url', ''])
      expect(siteOf(url), url).toBeNull();
  });

  it('gives match patterns for both schemes and every path', () => {
    expect(sitePatterns('example.org')).toEqual(['http://example.org/*', 'https://example.org/*']);
  });
});

describe('where the content script runs', () => {
  it('runs on every web page by default, registered for every http and https page', () => {
    expect(DEFAULT_SITE_ACCESS.mode).toBe('everywhere');
    expect(runsOn(DEFAULT_SITE_ACCESS, 'any.example')).toBe(true);
    expect(scriptMatches(DEFAULT_SITE_ACCESS)).toEqual(WEB_PAGES);
  });

  it('only on sites I allow: registered nowhere until a site is allowed, then for that site alone, and nowhere again once it is not', () => {
    expect(scriptMatches(allowedOnly)).toEqual([]);
    expect(runsOn(allowedOnly, 'example.org')).toBe(false);
    const one = withAllowedSite(allowedOnly, 'example.org', true);
    expect(runsOn(one, 'example.org')).toBe(true);
    expect(runsOn(one, 'www.example.org')).toBe(false);
    expect(scriptMatches(one)).toEqual(sitePatterns('example.org'));
    expect(withAllowedSite(one, 'example.org', true).allowed).toEqual(['example.org']);
    expect(scriptMatches(withAllowedSite(one, 'example.org', false))).toEqual([]);
  });

  it('keeps the allowed sites across a change of mode, and uses them only in the allowed mode', () => {
    const one = withAllowedSite(allowedOnly, 'example.org', true);
    const everywhere = withMode(one, 'everywhere');
    expect(everywhere.allowed).toEqual(['example.org']);
    expect(scriptMatches(everywhere)).toEqual(WEB_PAGES);
    expect(scriptMatches(withMode(everywhere, 'allowed'))).toEqual(sitePatterns('example.org'));
  });

  it('starts on a site when a change covers it and did not before', () => {
    const one = withAllowedSite(allowedOnly, 'example.org', true);
    expect(startsOn(allowedOnly, one, 'example.org')).toBe(true);
    expect(startsOn(allowedOnly, one, 'other.org')).toBe(false);
    expect(startsOn(one, one, 'example.org')).toBe(false);
    expect(startsOn(one, DEFAULT_SITE_ACCESS, 'other.org')).toBe(true);
    expect(startsOn(one, DEFAULT_SITE_ACCESS, 'example.org')).toBe(false);
    expect(startsOn(DEFAULT_SITE_ACCESS, one, 'example.org')).toBe(false);
    // At install, from nowhere: every site of the default mode.
    expect(scriptMatches(NOWHERE)).toEqual([]);
    expect(startsOn(NOWHERE, DEFAULT_SITE_ACCESS, 'example.org')).toBe(true);
  });
});

describe('the registration', () => {
  const wanted = { ...CONTENT_SCRIPT, js: [...CONTENT_SCRIPT.js], matches: ['http://a/*', 'https://a/*'] };

  it('is left alone when it already says the same, in any order, with its file named as Chrome gives it back', () => {
    expect(sameRegistration({ ...wanted, matches: ['https://a/*', 'http://a/*'] }, wanted)).toBe(true);
    expect(sameRegistration({ ...wanted, js: wanted.js.map((f) => f.replace(/^\//, '')) }, wanted)).toBe(true);
  });

  it('is updated when its sites, file, frames or timing differ', () => {
    expect(sameRegistration({ ...wanted, matches: ['http://a/*'] }, wanted)).toBe(false);
    expect(sameRegistration({ ...wanted, js: ['other.js'] }, wanted)).toBe(false);
    expect(sameRegistration({ ...wanted, allFrames: false }, wanted)).toBe(false);
    expect(sameRegistration({ ...wanted, runAt: 'document_end' }, wanted)).toBe(false);
  });
});

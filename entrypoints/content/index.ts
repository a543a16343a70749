// The content script: thin glue between the page controller and the
// extension (messages, settings, lifetime).
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { langOf } from '../../core/i18n';
import { PageController } from '../../page/controller';
import { readingText } from '../../page/collect';
import { highlightsSupported } from '../../page/highlights';
import { handleContent, quietly, toBackground } from '../../utils/messaging';
import { pageKey, withHidden, withRejection } from '../../core/settings';
import { rejectionsItem, settingsItem } from '../../utils/settings';
import { datasetRevisionItem } from '../../utils/dataset-revision';
import { CONTENT_SCRIPT, runsOn, WEB_PAGES } from '../../core/site-access';
import { siteAccessItem } from '../../utils/site-access';

/** A frame with less text than this is not an article (an ad slot, a button, a counter). */
const MIN_FRAME_TEXT = 200;

/**
 * A frame is read when it belongs to the page and holds an article's worth
 * of text: same origin as the top page (an article embedded from the same
 * site), at least 200 × 100 px, and 200 characters. Frames
 * from elsewhere (ads, players, widgets) and same-origin ad slots are left
 * alone: each would otherwise fetch the alias list and scan.
 */
function frameOfThePage(): boolean {
  if (window === window.top) return true;
  try {
    void window.top?.location.href;
  } catch {
    return false;
  }
  return window.innerWidth * window.innerHeight >= 200 * 100 && (document.body?.textContent?.length ?? 0) >= MIN_FRAME_TEXT;
}

export default defineContentScript({
  // Not in the manifest: the background registers it where the reader lets it
  // run, every web page by default (ADR 6, core/site-access.ts). WXT still
  // builds it, and asks for host access to these matches.
  registration: 'runtime',
  matches: WEB_PAGES,
  runAt: CONTENT_SCRIPT.runAt,
  allFrames: CONTENT_SCRIPT.allFrames,
  async main(ctx) {
    // The Custom Highlight API draws every mark; a browser older than the manifests' minimum has none, and gets nothing.
    if (!frameOfThePage() || !highlightsSupported()) return;
    // Registered only where it may run, but injected into a whole tab when a
    // site is allowed (frames from other sites too), and the reader may have
    // stopped allowing this site while the page loaded.
    if (!runsOn(await siteAccessItem.getValue(), location.hostname)) return;
    const top = window === window.top;
    const controller = new PageController(
      document,
      {
        aliases: (words, fresh) => toBackground({ type: 'spotter:aliases', words, fresh }),
        watchDataset: (cb) => quietly(datasetRevisionItem.watch(() => cb())),
        card: (entity, lang, match) => toBackground({ type: 'card:get', entity, lang, ...(match ? { match } : {}) }),
        report: (counts) => void toBackground({ type: 'page:report', counts }).catch(() => undefined),
        settings: () => settingsItem.getValue(),
        watchSettings: (cb) => quietly(settingsItem.watch((s) => cb(s))),
        reject: (entity) =>
          void rejectionsItem
            .getValue()
            .then((all) => rejectionsItem.setValue(withRejection(all, location.href, entity)))
            .catch(() => undefined),
        rejected: async () => (await rejectionsItem.getValue())[pageKey(location.href)] ?? [],
        watchRejected: (cb) => quietly(rejectionsItem.watch((all) => cb(all[pageKey(location.href)] ?? []))),
        openArticle: (article) => void toBackground({ type: 'reader:open', article }).catch(() => undefined),
        hide: (entity) =>
          void settingsItem
            .getValue()
            .then((s) => settingsItem.setValue(withHidden(s, entity, true)))
            .catch(() => undefined),
      },
      langOf(browser.i18n.getUILanguage()),
      ctx.signal,
    );
    // Messages name their frame: the popup and the shortcuts talk to the top
    // one, and the background asks a frame to reveal a name only it holds.
    const stop = handleContent({
      'page:summary': () => ({ counts: controller.counts(), host: controller.hostname, active: controller.active, title: document.title }),
      'page:reveal': ({ entity }) => ({ shown: controller.reveal(entity) }),
      'page:step': ({ direction }) => ({ shown: controller.step(direction) }),
      'page:text': () => ({ text: readingText(document.body), lang: document.documentElement.lang }),
    });
    ctx.onInvalidated(stop);
    // The reader stopped allowing this site (or chose "only on sites I allow"
    // without it): the script leaves the page as a reload of the extension
    // does, and its mentions leave the badge.
    const unwatchAccess = siteAccessItem.watch((access) => {
      if (runsOn(access, location.hostname)) return;
      void toBackground({ type: 'page:report', counts: {} }).catch(() => undefined);
      ctx.abort('Repères no longer runs on this site');
    });
    ctx.onInvalidated(quietly(unwatchAccess));
    // A frame that goes away takes its mentions off the badge.
    if (!top) ctx.addEventListener(window, 'pagehide', () => void toBackground({ type: 'page:report', counts: {} }).catch(() => undefined));
    // Chrome does not tell an old content script that its extension was
    // reloaded or updated; reading ctx.isInvalid notices it (the runtime id is
    // gone) and aborts ctx.signal, which tears everything down: no orphan
    // highlights or listeners stay behind.
    ctx.setInterval(() => void ctx.isInvalid, 2000);
    try {
      await controller.start();
    } catch (e) {
      // Never throw into the page: a failed start leaves the page as it was.
      console.warn('[Repères] could not start', e);
    }
  },
});

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { WEB_PAGES } from './core/site-access';

// The icon is drawn once (assets/icon.svg) and every size is made from it at
// build time: no image files to keep in step. Paused, the toolbar shows the
// same drawing on a grey tile, at the sizes the background sets
// (entrypoints/background.ts, showPaused).
const ICON_SOURCE = 'assets/icon.svg';
const PAUSED_ICON_SIZES = [16, 32];
// librsvg applies it as a user style sheet: !important wins over the drawing's own fill.
const PAUSED_STYLE = '.tile { fill: #9aa0a6 !important }';
const pausedIcon = (size: number) => `icons/paused-${size}.png`;
// The toolbar's sizes.
const TOOLBAR_ICON = { 16: 'icons/16.png', 32: 'icons/32.png' };

// What the bundled data is, by content: the background's derived indexes
// (utils/gateway.ts) belong to one bundled dataset and one revision of the
// reader's data, and are rebuilt when either changes.
// Read when a build asks for it: `wxt prepare` loads this file on a fresh
// clone before the data is generated.
function bundledData(): string {
  const files = ['generated/dataset.json', 'generated/spotter.json'];
  if (!files.every((f) => existsSync(f))) return 'not-generated';
  const hash = createHash('sha256');
  for (const f of files) hash.update(readFileSync(f));
  return hash.digest('hex').slice(0, 16);
}

// Explicit imports everywhere (imports: false): a reader can follow every name to its module.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  // The manifest's icons (icons/<size>.png). No development indicator: a grey icon means paused.
  autoIcons: { baseIconPath: ICON_SOURCE, sizes: [128, 48, 32, 16], developmentIndicator: false },
  hooks: {
    // auto-icons makes one set; the paused set is made here the way it makes its own.
    'build:done': async (wxt, output) => {
      await mkdir(resolve(wxt.config.outDir, 'icons'), { recursive: true });
      for (const size of PAUSED_ICON_SIZES) {
        const fileName = pausedIcon(size);
        await sharp(resolve(wxt.config.srcDir, ICON_SOURCE), { svg: { stylesheet: PAUSED_STYLE } })
          .resize(size)
          .png()
          .toFile(resolve(wxt.config.outDir, fileName));
        output.publicAssets.push({ type: 'asset', fileName });
      }
    },
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(...PAUSED_ICON_SIZES.map(pausedIcon));
    },
  },
  imports: false,
  // Parallel builds (several checkouts, a bench beside the tests) can each have their own output.
  outDir: process.env.REPERES_OUT_DIR ?? '.output',
  // The sources archive rebuilds the add-on; the demo's screenshots are not sources.
  zip: { excludeSources: ['demo-output/**'] },
  // The import worker is a module worker (entrypoints/options/main.tsx): as
  // ES modules, its parsers stay in chunks of their own, loaded per format.
  vite: () => ({ plugins: [preact()], worker: { format: 'es' }, define: { __BUNDLED_DATA__: JSON.stringify(bundledData()) } }),
  manifest: ({ browser }) => ({
    // Names and descriptions in English and French: public/_locales.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings (categories, pause). scripting: the background
    // registers the content script where the reader lets it run (ADR 6).
    permissions: ['storage', 'scripting'],
    // Every web page, granted at install as the content script's matches were
    // before ADR 6: the default mode runs everywhere with no prompt. A
    // registered script needs its pages' host access; neither browser lets an
    // add-on give up what it got at install, so "Only on sites I allow" narrows
    // the registration, not this. (Firefox's MV2 build lists it in permissions.)
    host_permissions: [...WEB_PAGES],
    action: { default_title: '__MSG_titleActive__', default_icon: TOOLBAR_ICON },
    // Firefox's MV2 build: WXT puts the popup in browser_action and then keeps that
    // key instead of converting `action`, so the toolbar icon is given here too.
    // (WXT drops each key from the manifest version that has no such key.)
    browser_action: { default_icon: TOOLBAR_ICON },
    // Keyboard: users can rebind these in the browser's shortcuts page.
    commands: {
      'next-mention': { suggested_key: { default: 'Alt+Shift+Period' }, description: '__MSG_cmdNext__' },
      'previous-mention': { suggested_key: { default: 'Alt+Shift+Comma' }, description: '__MSG_cmdPrevious__' },
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'none'",
    },
    // Firefox only (the Chrome manifest has no such key): a stable add-on ID
    // (Firefox keys storage and the moz-extension UUID by it) and the data
    // consent AMO requires of new add-ons: none, nothing leaves the device.
    // The oldest browsers with the CSS Custom Highlight API, which draws every
    // mark (ADR 2): Chrome 105 and Firefox 140.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'reperes@reperes.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads the data consent key from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: '105' }),
  }),
});

import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Explicit imports everywhere (imports: false): a reader can follow every name to its module.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  // Parallel builds (several checkouts, a bench beside the tests) can each have their own output.
  outDir: process.env.REPERES_OUT_DIR ?? '.output',
  // The sources archive rebuilds the add-on; the demo's screenshots are not sources.
  zip: { excludeSources: ['demo-output/**'] },
  // The import worker is a module worker (entrypoints/options/main.tsx): as
  // ES modules, its parsers stay in chunks of their own, loaded per format.
  vite: () => ({ plugins: [preact()], worker: { format: 'es' } }),
  manifest: ({ browser }) => ({
    // Names and descriptions in English and French: public/_locales.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings (categories, pause). Nothing else: the content script's
    // host match is declared by the content script itself.
    permissions: ['storage'],
    action: { default_title: '__MSG_titleActive__' },
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

import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Explicit imports everywhere (imports: false): a reader can follow every name to its module.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Repères',
    description:
      'Highlights the people, organisations and places of the news you read and explains them from a bundled article dataset. Nothing leaves your browser.',
    // storage: settings (categories, pause). Nothing else: the content script's
    // host match is declared by the content script itself.
    permissions: ['storage'],
    action: { default_title: 'Repères' },
    // Keyboard: users can rebind these in the browser's shortcuts page.
    commands: {
      'next-mention': { suggested_key: { default: 'Alt+Shift+Period' }, description: 'Show the next highlighted name and its card' },
      'previous-mention': { suggested_key: { default: 'Alt+Shift+Comma' }, description: 'Show the previous highlighted name and its card' },
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'none'",
    },
  },
});

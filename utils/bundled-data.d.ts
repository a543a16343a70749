/** A fingerprint of the bundled dataset, set at build time (wxt.config.ts). */
declare const __BUNDLED_DATA__: string;

// The Chromium the page-load benches start (first-touch.mjs through Playwright, lighthouse.mjs
// through chrome-launcher): the system's, with no network of its own. This machine has none, so
// nothing but the page under test may try to reach one.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

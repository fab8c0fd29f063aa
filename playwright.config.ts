import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// The browser tests use the system's Chromium (Debian's package) and never download one.
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  throw new Error(
    `No Chromium at ${executablePath}. The browser tests need one: on Debian or Ubuntu run ` +
      '`sudo apt-get install -y chromium`, or point CHROMIUM_PATH at an installed Chromium.',
  );
}

// E2E_PORT lets two checkouts run their browser tests at once, each against its own dist/.
const port = Number(process.env['E2E_PORT'] ?? 4329);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env['CI']),
  reporter: [['list']],
  timeout: 30_000,
  projects: [
    { name: 'browser', testIgnore: /frames\.spec\.ts$/ },
    // Frame-gap measurements run last and alone: with another test beside them, the gaps they
    // measured would be the machine's load, not the page's.
    { name: 'frames', testMatch: /frames\.spec\.ts$/, dependencies: ['browser'] },
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // A service worker would precache the whole course in every test's fresh context; only the
    // offline tests (offline.spec.ts) let it register.
    serviceWorkers: 'block',
    browserName: 'chromium',
    launchOptions: {
      executablePath,
      // This machine has no network beyond loopback: keep Chromium from trying to phone home.
      args: [
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // Serves the built site (dist/, with its Pagefind index); `npm run build` comes first.
    command: `node scripts/serve-dist.mjs ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});

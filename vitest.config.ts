/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite set-up, so tests can render .astro components with the Container API.
export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
  },
});

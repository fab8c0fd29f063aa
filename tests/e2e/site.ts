import { readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** The lesson pages, in course order, from the file names in content/lessons (NN-slug.mdx). */
export const lessonPaths: string[] = readdirSync(new URL('../../content/lessons/', import.meta.url))
  .filter((name) => /^\d+-.+\.mdx$/.test(name))
  .sort()
  .map((name) => `/lessons/${name.replace(/^\d+-/, '').replace(/\.mdx$/, '')}/`);

/** Every page of the site a reader can reach. */
export const allPaths: string[] = ['/', '/notation/', '/search/', '/exercises/', '/exercises/sheet/?title=Week%203&due=2026-12-01&ex=softmax-dz', ...lessonPaths];

/** Collects console errors and uncaught exceptions for the life of a page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

// ESLint: the JavaScript and TypeScript rules everyone starts from (@eslint/js, typescript-eslint)
// and Astro's (eslint-plugin-astro). Formatting is Prettier's job (.prettierrc.json), not ESLint's.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-students/',
      'dist-exam/',
      '.astro/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_name` marks a parameter a signature needs and the body does not use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // The theme script inlined in Base.astro runs on every page before the first paint, and its
    // bytes count towards a lesson's 3 KB of JavaScript before any interaction (layout.spec.ts):
    // why its catch is empty (storage blocked: the system's theme applies) is said beside it.
    files: ['src/layouts/Base.astro', 'src/layouts/Base.astro/*'],
    rules: { 'no-empty': ['error', { allowEmptyCatch: true }] },
  },
);

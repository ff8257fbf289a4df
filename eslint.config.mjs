// ESLint for every JavaScript file in the repository (`make lint`): the recommended rules, with
// each file's globals: the extension's sources and pages run in the browser with the
// extension API; the site and the e2e fixtures in a page; build scripts and tests in Node, and
// the tests' page.evaluate callbacks in a page or the extension's pages too. Formatting is Prettier's (.prettierrc.json).

import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['node_modules/', 'build/', 'dist/', 'target/', 'fuzz/target/'] },
  js.configs.recommended,
  { rules: { eqeqeq: ['error', 'always'] } },
  {
    files: ['extension/src/**/*.js', 'extension/pages/**/*.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.webextensions } },
  },
  { files: ['www/**/*.js', 'tests/e2e/fixtures/**/*.js'], languageOptions: { globals: globals.browser } },
  { files: ['**/*.mjs'], languageOptions: { globals: globals.node } },
  // The browser tests also run code in pages, the extension's own pages among them.
  {
    files: ['tests/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.webextensions } },
  },
];

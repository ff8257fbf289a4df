// Accessibility checks shared by the site and extension browser tests: axe-core (from npm)
// run inside a page, WCAG 2.x A and AA rules and axe's best practices, open shadow roots
// included, plus a reflow check (nothing wider than a 360-pixel screen) that axe lacks.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The widths and colour schemes every page is checked at. */
export const VIEWS = [
  { label: '1280', width: 1280, height: 900 },
  { label: '360', width: 360, height: 780 },
];
export const SCHEMES = ['light', 'dark'];

/** Firefox over WebDriver BiDi cannot emulate media features: its colour scheme is a
 * preference given at launch. */
export const firefoxSchemePrefs = (scheme) => ({
  'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1,
});

/** Sets the viewport and the colour scheme the page's media queries see (Chromium: emulated;
 * Firefox: checked against the preference it was launched with). */
export async function view(page, { width, height }, scheme) {
  await page.setViewport({ width, height });
  if (page.browser().protocol === 'cdp')
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
}

/** Throws unless the page's media queries see `scheme`. */
export async function assertScheme(page, scheme) {
  const seen = await page.evaluate(() => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
  if (seen !== scheme) throw new Error(`the page sees a ${seen} colour scheme, not ${scheme}`);
}

/** axe-core's violations on the page (or under `include`, a selector), one line each:
 * rule id, impact, and each failing node's target and axe's summary. */
export async function axeViolations(page, { include } = {}) {
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) await page.evaluate(axeSource);
  const results = await page.evaluate(async (include) => {
    const context = include ? { include: [include] } : document;
    const r = await window.axe.run(context, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary?.replace(/\s+/g, ' ')}`),
    }));
  }, include ?? null);
  return results.map((v) => `${v.id} (${v.impact}) on ${v.nodes.length} node(s): ${v.nodes.slice(0, 3).join(' | ')}`);
}

/** Elements wider than the viewport that make the page scroll sideways (WCAG 1.4.10). */
export function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width + 1) return [];
    return [...document.body.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > width + 1 && getComputedStyle(e).position !== 'fixed')
      .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > width + 1))
      .slice(0, 5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className ? `.${String(e.className).split(' ')[0]}` : ''} to ${Math.round(e.getBoundingClientRect().right)}px`,
      );
  });
}

/** Runs axe and the reflow check; throws with everything found. */
export async function assertAccessible(page, what, options) {
  const wide = (await overflow(page)).map((o) => `wider than the viewport: ${o}`);
  const problems = [...(await axeViolations(page, options)), ...wide];
  if (problems.length) throw new Error(`${what}:\n    ${problems.join('\n    ')}`);
}

// End-to-end scenarios for stand-ins of the compose and reply boxes of the sites the
// extension runs on (fixtures/sites/): each with the framework the site uses, its nesting
// (web components, open and closed shadow roots) and its re-rendering. Each one, typed with
// real key events: flagged within 2 s of the last key; the underline really painted (the
// pixels under a flagged word differ with and without it); the badge at the field's box
// corner, inside the window, over no text and none of the page's own controls; the card
// inside the window at 1280 and at 360 px; the card's first fix applied and read back from
// the editor's own model (React state, Draft, Lexical or ProseMirror state); one Ctrl+Z
// restores exactly the typed text; a clean post gets no flag. Where the extension knows an
// editor cannot take a fix safely, the card says so and copies the fixed text instead.

import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN, NHS, POST, clickCardButton, root, sleep, waitFor } from './harness.mjs';

const screenshots = join(root, 'tests', 'e2e', 'screenshots');
const fixtures = join(root, 'tests', 'e2e', 'fixtures', 'sites');
const FLAGGED = ['Okafor', '94', NHS, 'frequent flyer'];
/** How long after the last key a post must be flagged. */
const FLAG_BUDGET_MS = 2000;

/** The stand-ins: fixture name, what it stands for, and whether the page is served with a
 * strict CSP (no wasm in the page's content script in Chromium), as the real site's is. */
export const SITES = [
  { name: 'x', label: 'X compose (Draft.js in React, decorators, strict CSP)', strict: true },
  { name: 'facebook', label: 'Facebook composer (Lexical, emoji button over the corner)' },
  { name: 'linkedin', label: 'LinkedIn share box (Quill)' },
  { name: 'instagram', label: 'Instagram comment (React textarea remounted on the first key)' },
  { name: 'reddit', label: 'Reddit comment (Lexical two open shadow roots deep)' },
  { name: 'mastodon', label: 'Mastodon compose (React textarea from a store, autosized)' },
  { name: 'bluesky', label: 'Bluesky composer (TipTap/ProseMirror)' },
  { name: 'threads', label: 'Threads composer (Lexical, a thread of editors)', strict: true },
  { name: 'google', label: 'Google Business review reply (Material textarea, counter in the corner)' },
  { name: 'yelp', label: 'Yelp public response (React textarea)' },
  { name: 'healthgrades', label: 'Healthgrades review response (textarea)' },
  { name: 'nhs', label: 'NHS website review response (NHS.UK character count)' },
  { name: 'closed', label: 'textarea in a closed shadow root' },
  { name: 'closedrich', label: 'Lexical in a closed shadow root' },
];

/** Bundles the stand-ins into build/e2e, beside the editor fixtures, one page each. */
export async function buildSites() {
  const out = join(root, 'build', 'e2e');
  await build({
    entryPoints: Object.fromEntries(SITES.map((s) => [s.name, join(fixtures, `${s.name}.js`)])),
    outdir: out,
    bundle: true,
    minify: true,
    format: 'iife',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    logLevel: 'warning',
  });
  const template = readFileSync(join(fixtures, 'site.html.tmpl'), 'utf8');
  for (const { name } of SITES) writeFileSync(join(out, `${name}.html`), template.replaceAll('{{name}}', name));
}

/** What the tests read from the page: the field (found again each time: React may have
 * replaced it), the extension's badges and card, every underlined word (highlight ranges and
 * textarea overlay marks) with its boxes, the field's box and the boxes of its text, and the
 * page's own controls (buttons, labels, counters), searched through open shadow roots. */
function observeSite(page) {
  return page.evaluate(() => {
    const box = (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const field = window.__editor ?? document.querySelector(window.__editorSelector);
    const shadow = document.getElementById('chaperone-host')?.shadowRoot;
    const highlighted = [];
    for (const name of ['chaperone-stop', 'chaperone-caution', 'chaperone-coach']) {
      for (const range of CSS.highlights.get(name) ?? [])
        highlighted.push({ text: range.toString(), rects: [...range.getClientRects()].map(box) });
    }
    for (const mark of shadow?.querySelectorAll('.chaperone-mirror mark') ?? [])
      highlighted.push({ text: mark.textContent, rects: [...mark.getClientRects()].map(box), mirror: true });
    const mirror = shadow?.querySelector('.chaperone-mirror');
    const fieldBox = box(field.getBoundingClientRect());
    // The boxes of the text as shown: by the editable element (in a closed shadow root, as the
    // page hands it over), or by the overlay copying a textarea's text.
    const view = field.isContentEditable ? field : (mirror ?? window.__box?.() ?? field);
    const shown = view.getBoundingClientRect();
    const textRects = [];
    const texts = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
    while (texts.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(texts.currentNode);
      for (const r of range.getClientRects())
        if (r.width > 1 && r.bottom > shown.top && r.top < shown.bottom) textRects.push(box(r));
    }
    const controls = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.id === 'chaperone-host') continue;
        if (el.shadowRoot) walk(el.shadowRoot);
        if (
          !el.matches(
            'button, [role=button], [role=tab], a[href], label, .mdc-floating-label, .mdc-text-field-character-counter, .character-counter, .counter, .remaining, .nhsuk-character-count__message',
          )
        )
          continue;
        if (el.contains(field)) continue;
        const r = el.getBoundingClientRect();
        if (r.width && r.height)
          controls.push({ what: el.getAttribute('aria-label') || el.className || el.tagName, rect: box(r) });
      }
    };
    walk(document);
    const badges = [...(shadow?.querySelectorAll('.chaperone-badge') ?? [])]
      .filter((b) => !b.hidden)
      .map((b) => ({ text: b.textContent, rect: box(b.getBoundingClientRect()) }));
    const card = shadow?.querySelector('.chaperone-card');
    return {
      badges,
      highlighted,
      field: fieldBox,
      box: box((window.__box?.() ?? field).getBoundingClientRect()),
      textRects,
      controls,
      card: card
        ? {
            rect: box(card.getBoundingClientRect()),
            flagged: card.querySelector('.chaperone-flagged')?.textContent.replace(/^“|”$/g, '') ?? '',
            fixes: [...card.querySelectorAll('.chaperone-fix')].map((b) => ({
              label: b.textContent,
              suggestion: b.dataset.suggestion,
            })),
            copy: [...card.querySelectorAll('button')].some((b) => b.textContent === 'Copy fixed text'),
            text: card.textContent,
          }
        : null,
      viewport: { width: document.documentElement.clientWidth, height: innerHeight },
    };
  });
}

const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const model = (page) => page.evaluate(() => window.__model());

async function chord(page, ...keys) {
  for (const k of keys) await page.keyboard.down(k);
  for (const k of keys.reverse()) await page.keyboard.up(k);
}

/** The screen agrees with the model: the field shows `text` (a one-paragraph post). */
async function assertShown(page, text, when) {
  const shown = await page.evaluate(() => {
    const field = window.__box?.() ?? window.__editor ?? document.querySelector(window.__editorSelector);
    return field.isContentEditable ? field.textContent : field.value;
  });
  if (shown !== text) throw new Error(`${when} the field shows ${JSON.stringify(shown)}, not ${JSON.stringify(text)}`);
}

/** Opens a stand-in and waits for its editor. */
async function open(page, base, site) {
  await page.goto(`${base}/${site.strict ? 'strict/' : ''}${site.name}.html`);
  await page.waitForFunction(
    () => window.__model && (window.__editor || document.querySelector(window.__editorSelector)),
  );
}

/** Clicks into the field as a user would and puts the caret at the end. */
async function focusEnd(page) {
  const field = await page.evaluateHandle(() => window.__editor ?? document.querySelector(window.__editorSelector));
  await field.click();
  await chord(page, 'Control', 'End');
  await sleep(150);
}

/** Types `text` and waits until it is flagged; returns how long that took after the last
 * key and the state then. */
async function typeAndFlag(page, text) {
  await focusEnd(page);
  await page.keyboard.type(text, { delay: 2 });
  const lastKey = Date.now();
  const state = await waitFor(
    async () => {
      const s = await observeSite(page);
      const texts = s.highlighted.map((h) => h.text);
      return Number(s.badges[0]?.text) >= 4 && FLAGGED.every((w) => texts.includes(w)) ? s : null;
    },
    `badge and underlines on ${FLAGGED.join(', ')}`,
  ).catch(async (e) => {
    throw new Error(`${e.message}; model ${JSON.stringify(await model(page))}`);
  });
  const elapsed = Date.now() - lastKey;
  // The last check may still redraw (a flag joining or changing severity): let it settle.
  const flags = (s) => JSON.stringify([s.badges.map((b) => b.text), s.highlighted.map((h) => [h.text, h.rects])]);
  let settled = state;
  for (let last = ''; flags(settled) !== last;) {
    last = flags(settled);
    await sleep(250);
    settled = await observeSite(page);
  }
  return { elapsed, lastKey, state: settled };
}

/** Hides the extension's underlines (highlights and overlay marks) while `during` runs. */
async function withoutUnderlines(page, during) {
  await page.evaluate(() => {
    window.__saved = [...CSS.highlights].filter(([name]) => name.startsWith('chaperone-'));
    for (const [name] of window.__saved) CSS.highlights.delete(name);
    for (const m of document.getElementById('chaperone-host').shadowRoot.querySelectorAll('.chaperone-mirror'))
      m.style.visibility = 'hidden';
  });
  try {
    return await during();
  } finally {
    await page.evaluate(() => {
      for (const [name, h] of window.__saved) CSS.highlights.set(name, h);
      for (const m of document.getElementById('chaperone-host').shadowRoot.querySelectorAll('.chaperone-mirror'))
        m.style.visibility = '';
    });
  }
}

/** The underline is painted: the pixels under the word differ with and without it, and are
 * the same again when it is back. */
async function assertPainted(page, browserName, site, word) {
  const r = (await observeSite(page)).highlighted.find((x) => x.text === word).rects[0];
  const clip = {
    x: Math.floor(r.left) - 1,
    y: Math.floor(r.top) - 1,
    width: Math.ceil(r.right - r.left) + 2,
    height: Math.ceil(r.bottom - r.top) + 4,
  };
  const file = (what) => join(screenshots, `${browserName}-site-${site.name}-${what}.png`);
  const shot = async (what) => {
    const png = await page.screenshot({ clip });
    writeFileSync(file(what), png);
    return Buffer.from(png).toString('base64');
  };
  // A blinking caret near the word would change its pixels between looks: hide it.
  await page.evaluate(() => (document.documentElement.style.caretColor = 'transparent'));
  const before = await shot('word-highlighted');
  const without = await withoutUnderlines(page, () => shot('word-plain'));
  const after = await shot('word-highlighted-again');
  await page.evaluate(() => (document.documentElement.style.caretColor = ''));
  if (before !== after)
    throw new Error(
      `the pixels under "${word}" changed between two looks at the same underline (${file('word-highlighted')})`,
    );
  if (before === without) throw new Error(`the underline on "${word}" paints nothing (${file('word-plain')})`);
}

/** The badge sits at the corner of the field's visible box (touching it or inside it),
 * inside the window, over none of the field's text and none of the page's controls; an open
 * card is inside the window and off the word it explains. */
function assertPlacement(s, what) {
  const inside = (r) =>
    r.left >= 0 && r.top >= 0 && r.right <= s.viewport.width + 1 && r.bottom <= s.viewport.height + 1;
  const badge = s.badges[0];
  if (!badge) throw new Error(`${what}: no badge`);
  const b = badge.rect;
  if (!inside(b)) throw new Error(`${what}: the badge is outside the window ${JSON.stringify(b)}`);
  const near = 12;
  const corner =
    b.left < s.box.right + near &&
    b.right > s.box.left - near &&
    b.top < s.box.bottom + near &&
    b.bottom > s.box.top - near;
  if (!corner || Math.min(Math.abs(b.right - s.box.right), Math.abs(b.left - s.box.right)) > 40)
    throw new Error(
      `${what}: the badge ${JSON.stringify(b)} is not at the corner of the field's box ${JSON.stringify(s.box)}`,
    );
  const text = s.textRects.find((r) => overlaps(r, b));
  if (text) throw new Error(`${what}: the badge covers the field's text at ${JSON.stringify(text)}`);
  const control = s.controls.find((c) => overlaps(c.rect, b));
  if (control)
    throw new Error(`${what}: the badge covers the page's ${control.what} at ${JSON.stringify(control.rect)}`);
  if (s.card) {
    if (!inside(s.card.rect)) throw new Error(`${what}: the card is outside the window ${JSON.stringify(s.card.rect)}`);
    const word = s.highlighted.find((h) => h.text === s.card.flagged);
    if (word?.rects.some((w) => overlaps(w, s.card.rect)))
      throw new Error(`${what}: the card covers the text it explains`);
  }
}

/** Moves the pointer over a flagged word and waits for its card. */
async function openCard(page, word) {
  const r = (await observeSite(page)).highlighted.find((x) => x.text === word).rects[0];
  await page.mouse.move((r.left + r.right) / 2, (r.top + r.bottom) / 2);
  return waitFor(async () => (await observeSite(page)).card, `a card on "${word}"`);
}

/** The badge and a card at a phone's width: the page reflows, the badge follows the field. */
async function narrowScenario(page, browserName, site, word) {
  await page.mouse.move(1, 1);
  await page.setViewport({ width: 360, height: 740 });
  try {
    await sleep(300);
    await page.evaluate(() => window.scrollTo(0, 0));
    await openCard(page, word);
    await sleep(100);
    assertPlacement(await observeSite(page), 'at 360 px');
    await page.screenshot({ path: join(screenshots, `${browserName}-site-${site.name}-360.png`) });
  } finally {
    await page.mouse.move(1, 1);
    await page.setViewport({ width: 1280, height: 800 });
    await sleep(300);
  }
}

async function siteScenario(browserName, page, base, site) {
  await page.setViewport({ width: 1280, height: 800 });
  await open(page, base, site);
  const { elapsed, lastKey, state } = await typeAndFlag(page, POST);
  const typed = await model(page);
  if (typed !== POST) throw new Error(`the editor's model holds ${JSON.stringify(typed)}`);
  if (elapsed > FLAG_BUDGET_MS) throw new Error(`flagged ${elapsed} ms after the last key (budget ${FLAG_BUDGET_MS})`);
  await page.screenshot({ path: join(screenshots, `${browserName}-site-${site.name}-flagged.png`) });
  assertPlacement(state, 'flagged');
  await assertPainted(page, browserName, site, NHS);
  const card = await openCard(page, 'Okafor');
  assertPlacement(await observeSite(page), 'card open');
  await page.screenshot({ path: join(screenshots, `${browserName}-site-${site.name}-card.png`) });
  await narrowScenario(page, browserName, site, 'Okafor');
  await openCard(page, 'Okafor');
  if (card.copy) return copyScenario(page, card);
  if (!card.fixes.length) throw new Error(`the card on "Okafor" offers no fix: ${card.text}`);
  const fixed = POST.replace(card.flagged, card.fixes[0].suggestion);
  if (!POST.includes(card.flagged) || fixed === POST) throw new Error(`the card flags ${JSON.stringify(card.flagged)}`);
  // Editors merge edits made within about a second into one undo step: fix no sooner than a
  // user reading the card would.
  await sleep(Math.max(0, 1200 - (Date.now() - lastKey)));
  await clickCardButton(page, card.fixes[0].label);
  await waitFor(async () => (await model(page)) !== POST, 'the fix in the editor').catch(() => {});
  await sleep(300);
  const after = await model(page);
  if (after !== fixed)
    throw new Error(
      `after "${card.fixes[0].label}" the editor's model holds ${JSON.stringify(after)}, not ${JSON.stringify(fixed)}`,
    );
  await assertShown(page, fixed, 'after the fix');
  await page.screenshot({ path: join(screenshots, `${browserName}-site-${site.name}-fixed.png`) });
  await chord(page, 'Control', 'z');
  await sleep(400);
  const undone = await model(page);
  if (undone !== POST) throw new Error(`one Ctrl+Z after the fix leaves ${JSON.stringify(undone)}`);
  await assertShown(page, POST, 'after the undo');
  return `flagged in ${elapsed} ms`;
}

/** The card says the editor cannot take a fix here and copies the fixed text instead; the
 * editor is left exactly as typed. */
async function copyScenario(page, card) {
  if (!/cannot|can't/i.test(card.text)) throw new Error(`the card offers a copy without saying why: ${card.text}`);
  await clickCardButton(page, 'Copy fixed text');
  await sleep(300);
  const after = await model(page);
  if (after !== POST) throw new Error(`"Copy fixed text" changed the editor: ${JSON.stringify(after)}`);
  return 'fix copied, editor untouched';
}

/** A clean post is checked (the badge reads 0) and nothing in it is flagged. */
async function cleanScenario(page, base, site) {
  await open(page, base, site);
  await focusEnd(page);
  await page.keyboard.type(CLEAN, { delay: 2 });
  await waitFor(async () => (await model(page)) === CLEAN, 'the clean post in the editor');
  await waitFor(async () => (await observeSite(page)).badges.length, 'the field checked (its badge)');
  await sleep(500);
  const s = await observeSite(page);
  if (s.highlighted.length || s.badges.some((b) => b.text !== '0'))
    throw new Error(
      `clean post flagged: ${JSON.stringify({ badges: s.badges.map((b) => b.text), highlighted: s.highlighted.map((h) => h.text) })}`,
    );
}

/** The scenarios, as [label, run] pairs for run.mjs. */
export function siteCases(browserName, page, base) {
  return SITES.flatMap((site) => [
    [
      `site ${site.label}: flagged, painted, placed, fixed, one undo`,
      () => siteScenario(browserName, page, base, site),
    ],
    [`site ${site.label}: a clean post is not flagged`, () => cleanScenario(page, base, site)],
  ]);
}

// End-to-end scenarios for the editors doctors post from beyond the eight in run.mjs
// (CKEditor 5, TinyMCE in its iframe, Trix, CodeMirror 6) and for composers in iframes
// without a URL (srcdoc, about:blank written by document.write, about:blank made editable by
// script). Each one, typed with real key events: flagged within 2 s of the last key; the
// underline really painted (the pixels under a flagged word differ with and without it); the
// card and the badge drawn in the top-level page, inside the window and off the flagged text;
// the card's first fix applied and read back from the editor's own API; one Ctrl+Z restores
// exactly the typed text and a redo brings the fix back; a clean post gets no flag. Where an
// editor cannot take a fix (it refuses synthetic input), the card says so and copies the
// fixed text instead, and the editor is left as it was.

import { join } from 'node:path';
import { CLEAN, NHS, POST, clickCardButton, root, sleep, waitFor } from './harness.mjs';

const screenshots = join(root, 'tests', 'e2e', 'screenshots');
const FLAGGED = ['Okafor', '94', NHS, 'frequent flyer'];
/** How long after the last key a post must be flagged. */
const FLAG_BUDGET_MS = 2000;

/** The editors and frames: fixture page, for frames which one to use, the redo keys where
 * they are not Ctrl+Shift+Z, and whether the editor refuses a fix. */
const CASES = [
  { name: 'ckeditor', label: 'CKEditor 5' },
  { name: 'tinymce', label: 'TinyMCE (iframe mode)' },
  { name: 'trix', label: 'Trix' },
  // CodeMirror binds redo to Ctrl+Y (its Ctrl+Shift+Z is undo again here).
  { name: 'codemirror', label: 'CodeMirror 6', redo: ['Control', 'y'] },
  { name: 'frames', frame: 'srcdoc', label: 'contenteditable in a srcdoc iframe' },
  { name: 'frames', frame: 'written', label: 'contenteditable in an about:blank iframe written by document.write' },
  { name: 'frames', frame: 'scripted', label: 'contenteditable in an about:blank iframe made editable by script' },
  { name: 'guarded', label: "an editor that takes only the user's own keys", refuses: true },
];

/** Everything the tests read from the page: the extension's badges and
 * card (from the top-level page's shadow root, and whether any frame drew its own), and the
 * highlighted ranges of every document the editor may live in (the top-level one and
 * same-origin frames), with their boxes in top-level viewport coordinates. */
function observeAll(page) {
  return page.evaluate(() => {
    const docs = [{ doc: document, dx: 0, dy: 0 }];
    for (const f of document.querySelectorAll('iframe')) {
      let doc = null;
      try {
        doc = f.contentDocument;
      } catch {
        /* cross-origin */
      }
      if (!doc) continue;
      const r = f.getBoundingClientRect();
      docs.push({ doc, dx: r.left + f.clientLeft, dy: r.top + f.clientTop, frame: f.id });
    }
    const box = (r, dx = 0, dy = 0) => ({
      left: r.left + dx,
      top: r.top + dy,
      right: r.right + dx,
      bottom: r.bottom + dy,
    });
    const highlighted = [];
    for (const { doc, dx, dy, frame } of docs) {
      const registry = doc.defaultView?.CSS?.highlights;
      for (const name of ['chaperone-stop', 'chaperone-caution', 'chaperone-coach']) {
        for (const range of registry?.get(name) ?? []) {
          highlighted.push({
            text: range.toString(),
            frame,
            name,
            rects: [...range.getClientRects()].map((r) => box(r, dx, dy)),
          });
        }
      }
    }
    const shadow = document.getElementById('chaperone-host')?.shadowRoot;
    const badges = [...(shadow?.querySelectorAll('.chaperone-badge') ?? [])]
      .filter((b) => !b.hidden)
      .map((b) => ({ text: b.textContent, rect: box(b.getBoundingClientRect()) }));
    const card = shadow?.querySelector('.chaperone-card');
    const frameHosts = docs
      .slice(1)
      .filter(({ doc }) => doc.getElementById('chaperone-host'))
      .map(({ frame }) => frame);
    return {
      badges,
      highlighted,
      frameHosts,
      card: card
        ? {
            rule: card.dataset.rule,
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

/** Clicks into the editor (in its frame, if it has one) and puts the caret at the end. */
async function focusEnd(page) {
  const point = await page.evaluate(() => {
    const r = window.__editor.getBoundingClientRect();
    const f = window.__frame?.getBoundingClientRect() ?? { left: 0, top: 0 };
    const border = window.__frame ? [window.__frame.clientLeft, window.__frame.clientTop] : [0, 0];
    return {
      x: f.left + border[0] + r.left + Math.min(20, r.width / 2),
      y: f.top + border[1] + r.top + Math.min(12, r.height / 2),
    };
  });
  await page.mouse.click(point.x, point.y);
  await page.keyboard.down('Control');
  await page.keyboard.press('End');
  await page.keyboard.up('Control');
  await sleep(150);
}

const model = (page) => page.evaluate(() => window.__model());

async function chord(page, ...keys) {
  for (const k of keys) await page.keyboard.down(k);
  for (const k of keys.reverse()) await page.keyboard.up(k);
}

/** Opens the page and waits for its editor. */
async function open(page, base, c) {
  await page.goto(`${base}/${c.name}.html`);
  await page.waitForFunction(() => window.__model && window.__editor);
  if (c.frame) {
    await page.evaluate((id) => window.__use(id), c.frame);
    await page.waitForFunction(() => window.__editor?.isContentEditable);
  }
}

/** Types the post and waits until it is flagged; returns how long that took after the last
 * key and the state then. */
async function typeAndFlag(page, text) {
  await focusEnd(page);
  await page.keyboard.type(text, { delay: 5 });
  const lastKey = Date.now();
  const state = await waitFor(
    async () => {
      const s = await observeAll(page);
      const texts = s.highlighted.map((h) => h.text);
      return Number(s.badges[0]?.text) >= 4 && FLAGGED.every((w) => texts.includes(w)) ? s : null;
    },
    `badge and underlines on ${FLAGGED.join(', ')}`,
    8000,
  ).catch(async (e) => {
    throw new Error(`${e.message}; model ${JSON.stringify(await model(page))}`);
  });
  return { elapsed: Date.now() - lastKey, state };
}

/** Removes the extension's highlights from the document that holds `text`'s range, runs
 * `during`, and puts them back: what the page looks like without the underline. */
async function withoutHighlights(page, frame, during) {
  await page.evaluate((frame) => {
    const doc = frame ? document.getElementById(frame).contentDocument : document;
    const registry = doc.defaultView.CSS.highlights;
    window.__saved = [...registry].filter(([name]) => name.startsWith('chaperone-'));
    for (const [name] of window.__saved) registry.delete(name);
  }, frame);
  try {
    return await during();
  } finally {
    await page.evaluate((frame) => {
      const doc = frame ? document.getElementById(frame).contentDocument : document;
      for (const [name, h] of window.__saved) doc.defaultView.CSS.highlights.set(name, h);
    }, frame);
  }
}

/** The underline is painted: the pixels under the word differ with and without the
 * highlight, and are the same again when it is back. */
async function assertPainted(page, browserName, c, word) {
  const h = (await observeAll(page)).highlighted.find((x) => x.text === word);
  const r = h.rects[0];
  const clip = {
    x: Math.floor(r.left) - 1,
    y: Math.floor(r.top) - 1,
    width: Math.ceil(r.right - r.left) + 2,
    height: Math.ceil(r.bottom - r.top) + 4,
  };
  const file = (what) => join(screenshots, `${browserName}-${slug(c)}-${what}.png`);
  const shot = (what) => page.screenshot({ clip, path: file(what), encoding: 'base64' });
  // A blinking caret near the word (in the editor's document) would change its pixels: hide it.
  const caret = (color) =>
    page.evaluate((color) => (window.__editor.ownerDocument.documentElement.style.caretColor = color), color);
  await caret('transparent');
  const before = await shot('word-highlighted');
  const without = await withoutHighlights(page, h.frame, () => shot('word-plain'));
  const after = await shot('word-highlighted-again');
  await caret('');
  if (before !== after)
    throw new Error(
      `the pixels under "${word}" changed between two looks at the same highlight (${file('word-highlighted')})`,
    );
  if (before === without) throw new Error(`the highlight on "${word}" paints nothing (${file('word-plain')})`);
}

const slug = (c) => (c.frame ? `frame-${c.frame}` : c.name);

/** Moves the pointer over a flagged word and waits for its card. */
async function openCard(page, word) {
  const h = (await observeAll(page)).highlighted.find((x) => x.text === word);
  const r = h.rects[0];
  await page.mouse.move((r.left + r.right) / 2, (r.top + r.bottom) / 2);
  return waitFor(async () => (await observeAll(page)).card, `a card on "${word}"`);
}

/** Drawn in the top-level page, inside the window, and on no flagged word. */
function assertPlacement(s, what) {
  if (s.frameHosts.length)
    throw new Error(`${what}: the extension drew inside the frame(s) ${s.frameHosts.join(', ')}`);
  const words = s.highlighted.flatMap((h) => h.rects);
  const inside = (r) =>
    r.left >= 0 && r.top >= 0 && r.right <= s.viewport.width + 1 && r.bottom <= s.viewport.height + 1;
  for (const b of s.badges) {
    if (!inside(b.rect)) throw new Error(`${what}: the badge is outside the window ${JSON.stringify(b.rect)}`);
    const covered = words.find((w) => overlaps(w, b.rect));
    if (covered) throw new Error(`${what}: the badge covers flagged text at ${JSON.stringify(covered)}`);
  }
  if (s.card) {
    if (!inside(s.card.rect)) throw new Error(`${what}: the card is outside the window ${JSON.stringify(s.card.rect)}`);
    const hovered = s.highlighted.find((h) => h.text === s.card.flagged);
    if (hovered && hovered.rects.some((w) => overlaps(w, s.card.rect)))
      throw new Error(`${what}: the card covers the text it explains`);
  }
}

async function editorScenario(browserName, page, base, c) {
  await open(page, base, c);
  const { elapsed, state } = await typeAndFlag(page, POST);
  const typed = await model(page);
  if (typed !== POST) throw new Error(`the editor holds ${JSON.stringify(typed)}`);
  if (elapsed > FLAG_BUDGET_MS) throw new Error(`flagged ${elapsed} ms after the last key (budget ${FLAG_BUDGET_MS})`);
  assertPlacement(state, 'flagged');
  await page.screenshot({ path: join(screenshots, `${browserName}-${slug(c)}-flagged.png`) });
  await assertPainted(page, browserName, c, 'Okafor');
  // Editors merge edits made within about a second into one undo step: wait as a user would.
  await sleep(1200);
  const first = state.highlighted.find((h) => h.text === 'Okafor') ? 'Okafor' : FLAGGED[0];
  const card = await openCard(page, first);
  assertPlacement(await observeAll(page), 'card open');
  await page.screenshot({ path: join(screenshots, `${browserName}-${slug(c)}-card.png`) });
  if (!card.fixes.length) throw new Error(`the card on "${first}" offers no fix: ${card.text}`);
  const fixed = POST.replace(card.flagged, card.fixes[0].suggestion);
  if (!POST.includes(card.flagged) || fixed === POST) throw new Error(`the card flags ${JSON.stringify(card.flagged)}`);
  await clickCardButton(page, card.fixes[0].label);
  if (c.refuses) return refusedScenario(browserName, page, c, fixed);
  await waitFor(async () => (await model(page)) !== POST, 'the fix in the editor').catch(() => {});
  await sleep(300);
  const after = await model(page);
  if (after !== fixed)
    throw new Error(
      `after "${card.fixes[0].label}" the editor holds ${JSON.stringify(after)}, not ${JSON.stringify(fixed)}`,
    );
  await page.screenshot({ path: join(screenshots, `${browserName}-${slug(c)}-fixed.png`) });
  // One undo restores exactly the typed text; redo brings the fix back.
  await chord(page, 'Control', 'z');
  await sleep(400);
  const undone = await model(page);
  if (undone !== POST) throw new Error(`one Ctrl+Z after the fix leaves ${JSON.stringify(undone)}`);
  await chord(page, ...(c.redo ?? ['Control', 'Shift', 'z']));
  await sleep(400);
  const redone = await model(page);
  if (redone === fixed) return `flagged in ${elapsed} ms`;
  // Redo may do nothing, where the editor has no working redo of its own in this browser.
  if (redone !== POST || (await redoWorks(page, base, c)))
    throw new Error(`redo after the undo leaves ${JSON.stringify(redone)}`);
  return `flagged in ${elapsed} ms; the editor has no redo here, not even of its own typing`;
}

/** Whether the editor's redo brings back its own typing after an undo (Trix's does nothing in
 * Firefox, which sends no beforeinput for Ctrl+Shift+Z there). */
async function redoWorks(page, base, c) {
  await open(page, base, c);
  await focusEnd(page);
  await page.keyboard.type('Lovely day.', { delay: 5 });
  await sleep(1200);
  await chord(page, 'Control', 'z');
  await sleep(400);
  const undone = await model(page);
  await chord(page, ...(c.redo ?? ['Control', 'Shift', 'z']));
  await sleep(400);
  return undone !== 'Lovely day.' && (await model(page)) === 'Lovely day.';
}

/** The editor refused the fix: the card says so and copies the fixed text instead, and the
 * editor is left exactly as typed. */
async function refusedScenario(browserName, page, c, fixed) {
  const card = await waitFor(async () => {
    const c = (await observeAll(page)).card;
    return c?.copy ? c : null;
  }, 'the card to offer "Copy fixed text"');
  if (!/cannot take the fix/.test(card.text))
    throw new Error(`the card offers a copy without saying why: ${card.text}`);
  await page.screenshot({ path: join(screenshots, `${browserName}-${slug(c)}-refused.png`) });
  if (card.fixes.length) throw new Error(`the card still offers fixes: ${card.fixes.map((f) => f.label)}`);
  if ((await model(page)) !== POST) throw new Error(`the refused fix changed the editor: ${await model(page)}`);
  await clickCardButton(page, 'Copy fixed text');
  await waitFor(
    () =>
      page.evaluate(() => {
        const said = document.getElementById('chaperone-host').shadowRoot.querySelector('.chaperone-copy')?.textContent;
        return said === 'Copy fixed text' ? null : said;
      }),
    'the copy button to answer',
  ).then((said) => {
    if (said !== 'Copied') throw new Error(`the copy button says ${JSON.stringify(said)}`);
  });
  const after = await model(page);
  if (after !== POST) throw new Error(`"Copy fixed text" changed the editor: ${JSON.stringify(after)}`);
  const copied = await readClipboard(page);
  if (copied !== fixed) throw new Error(`the clipboard holds ${JSON.stringify(copied)}, not ${JSON.stringify(fixed)}`);
  return 'the editor refused the fix; the fixed text copied, the editor untouched';
}

/** What the clipboard holds, pasted with Ctrl+V into a textarea the test adds. */
async function readClipboard(page) {
  await page.evaluate(() => {
    const area = document.createElement('textarea');
    area.id = 'paste-target';
    document.body.prepend(area);
    area.focus();
  });
  await chord(page, 'Control', 'v');
  await sleep(200);
  return page.evaluate(() => {
    const area = document.getElementById('paste-target');
    area.remove();
    return area.value;
  });
}

/** A clean post is checked (the badge reads 0) and nothing in it is flagged. */
async function cleanScenario(page, base, c) {
  await open(page, base, c);
  await focusEnd(page);
  await page.keyboard.type(CLEAN, { delay: 2 });
  await waitFor(async () => (await model(page)) === CLEAN, 'the clean post in the editor');
  await waitFor(async () => (await observeAll(page)).badges.length, 'the field checked (its badge)');
  await sleep(800);
  const s = await observeAll(page);
  if (s.highlighted.length || s.badges.some((b) => b.text !== '0'))
    throw new Error(
      `clean post flagged: ${JSON.stringify({ badges: s.badges.map((b) => b.text), highlighted: s.highlighted.map((h) => h.text) })}`,
    );
}

/** The scenarios, as [label, run] pairs for run.mjs. */
export function editorCases(browserName, page, base) {
  return CASES.flatMap((c) => [
    [
      `${c.label}: flagged, painted, ${c.refuses ? 'the fix refused and the fixed text copied' : 'fixed, one undo, redo'}`,
      () => editorScenario(browserName, page, base, c),
    ],
    [`${c.label}: a clean post is not flagged`, () => cleanScenario(page, base, c)],
  ]);
}

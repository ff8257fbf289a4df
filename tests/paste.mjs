// Pasting a dense block of patient lines as a user does, and watching that the page keeps
// up: shared by the extension's dense-paste cases (e2e/dense.mjs) and the playground's
// (site/run.mjs).

import { NHS } from './e2e/harness.mjs';

/** The longest the page's main thread may stall from the paste's input event until the
 * flags are drawn and a second has passed, and while the user types on or the field
 * scrolls: what Chaperone does there (in the extension: reading the field, a message each
 * way, drawing 500 underlines, placing the badge; in the playground: the check itself, in the
 * page, and the first time also building what the engine needs) plus the browser's own layout
 * of the pasted text. Measured on this 2-core machine at 0.02–0.2 s in the extension (1.3 s
 * in Chromium before extractText was made linear) and 0.1–0.6 s in the playground; a second
 * is what a user still reads as "the page kept up", with room for a loaded machine. */
export const STALL_BUDGET_MS = 1000;

const NAMES = ['Okafor', 'Abernathy', 'Nguyen', 'Kowalczyk', 'Fitzgerald', 'Oyelaran', 'Haddad', 'Lindqvist'];
/** One patient line: a name, an age over 89, a bed, an NHS number and a mobile number. */
const line = (i) =>
  `Mrs ${NAMES[i % NAMES.length]} (${90 + (i % 10)}) bed ${1 + (i % 40)}, NHS no ${NHS}, 07700 900${String(i % 1000).padStart(3, '0')}`;
/** `n` patient lines, one a line. */
export const block = (n) => Array.from({ length: n }, (_, i) => line(i)).join('\n');

/** Puts `text` on the clipboard the way a page's Copy does: a copy event (from a real
 * Ctrl+C on the page's heading, away from any field) whose data the page sets. */
export async function copyToClipboard(page, text) {
  await page.evaluate((text) => {
    document.addEventListener(
      'copy',
      (e) => {
        e.clipboardData.setData('text/plain', text);
        e.preventDefault();
      },
      { once: true },
    );
    const selection = getSelection();
    selection.selectAllChildren(document.querySelector('h1'));
  }, text);
  await page.keyboard.down('Control');
  await page.keyboard.press('c');
  await page.keyboard.up('Control');
}

/** Starts a page-side probe: a 10 ms timer and animation frames, each noting the longest gap
 * between its ticks from now, or with `onInput` from the next `input` event (the paste) of
 * the field (`field`, a selector, or the fixture's `window.__editor`) on, with that event's
 * inputType. */
export function startProbe(page, onInput, field) {
  return page.evaluate(
    (onInput, field) => {
      const now = performance.now();
      const probe = { pasted: onInput ? 0 : now, inputType: '', timer: 0, frame: 0, last: { timer: now, frame: now } };
      probe.running = true;
      window.__probe = probe;
      if (onInput)
        (field ? document.querySelector(field) : window.__editor).addEventListener(
          'input',
          (e) => {
            probe.pasted = performance.now();
            probe.inputType = e.inputType;
            probe.last = { timer: probe.pasted, frame: probe.pasted };
          },
          { once: true },
        );
      const tick = (kind) => {
        const now = performance.now();
        if (probe.pasted) probe[kind] = Math.max(probe[kind], now - probe.last[kind]);
        probe.last[kind] = now;
      };
      const timer = setInterval(() => (probe.running ? tick('timer') : clearInterval(timer)), 10);
      const frame = () => {
        tick('frame');
        if (probe.running) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    },
    onInput,
    field,
  );
}

/** Stops the probe: `{ timer, frame, inputType }`, the longest gaps in ms. */
export const stopProbe = (page) =>
  page.evaluate(() => {
    window.__probe.running = false;
    return window.__probe;
  });

// Dense pastes: a block of patient lines, several identifiers on each, pasted with Ctrl+V (a
// trusted paste: the browser inserts it and fires `input` with inputType insertFromPaste)
// into a textarea and into a contenteditable. The extension must bound what it sends and
// draws: at most 500 flags drawn, the badge and a note saying how many were shown of how
// many, and for a paste over 300,000 characters a note that only the first 300,000 were
// checked. Meanwhile the page stays responsive (a page-side probe of timers and animation
// frames never stalls longer than STALL_BUDGET_MS), and the field's text is exactly what was
// pasted, before the check and after it. Typed on at the end, a new number is counted without
// a stall. Scrolled back to the top, the first line's NHS number
// opens its card under the pointer and its fix applies (in the over-300,000 case too, where
// only the start was checked). The network watch of run.mjs covers these cases.

import { join } from 'node:path';
import { NHS, assertAligned, clickCardButton, hover, mirrorGeometry, root, sleep, waitFor } from './harness.mjs';
import { STALL_BUDGET_MS, block, copyToClipboard, startProbe, stopProbe } from '../paste.mjs';

const screenshots = join(root, 'tests', 'e2e', 'screenshots');
/** The caps the extension promises (background.js, check.js). */
const MAX_FLAGS = 500;
const MAX_CHARS = 300_000;
/** What the extension shows for the page's one field: its badge (text and name), its note,
 * the live region, and the underlines drawn (marks in a textarea's mirror, or registered
 * highlights) with the text under each. */
function shown(page) {
  return page.evaluate(() => {
    const root = document.getElementById('chaperone-host')?.shadowRoot;
    const badge = root?.querySelector('.chaperone-badge');
    const highlighted = [];
    for (const name of ['chaperone-stop', 'chaperone-caution', 'chaperone-coach']) {
      for (const r of CSS.highlights?.get(name) ?? []) highlighted.push(r.toString());
    }
    for (const m of root?.querySelectorAll('.chaperone-mirror mark') ?? []) highlighted.push(m.textContent);
    return {
      badge: badge?.textContent ?? null,
      label: badge?.getAttribute('aria-label') ?? '',
      note: root?.querySelector('.chaperone-note')?.textContent ?? '',
      live: root?.querySelector('[role=status]')?.textContent ?? '',
      highlighted,
    };
  });
}

/** Pastes `lines` patient lines into the fixture `editor`, then checks what was drawn and
 * that the page kept up. `checkedFirst`: the paste is over MAX_CHARS, so the note must say
 * that only the first MAX_CHARS characters were checked. */
async function denseScenario(browserName, page, base, editor, lines, checkedFirst) {
  const text = block(lines);
  if (checkedFirst !== text.length > MAX_CHARS) throw new Error(`the block is ${text.length} characters`);
  await page.goto(`${base}/${editor}.html`);
  await page.waitForFunction(() => window.__model && window.__editor);
  await copyToClipboard(page, text);
  await page.evaluate(() => window.__editor.focus());
  await sleep(300);
  await startProbe(page, true);
  const start = Date.now();
  await page.keyboard.down('Control');
  await page.keyboard.press('v');
  await page.keyboard.up('Control');
  const pasted = await waitFor(
    () => page.evaluate(() => window.__model().length && window.__model()),
    'the paste in the field',
  );
  if (pasted !== text) throw new Error(`the field holds ${pasted.length} characters, not the ${text.length} pasted`);
  await waitFor(
    async () => {
      const s = await shown(page);
      return s.badge && /Showing the first/.test(s.note) ? s : null;
    },
    'the badge and the note that not every flag is shown',
    30000,
  );
  const flaggedAfter = Date.now() - start;
  await sleep(1000);
  const probe = await stopProbe(page);
  const s = await shown(page);
  await page.screenshot({ path: join(screenshots, `${browserName}-dense-${editor}-${lines}.png`) });
  const stall = Math.max(probe.timer, probe.frame);
  const measured = `${text.length.toLocaleString()} chars, ${s.highlighted.length} drawn; longest stall ${Math.round(probe.timer)} ms (timer), ${Math.round(probe.frame)} ms (frame); flagged within ${flaggedAfter} ms`;
  const fail = (why) => {
    throw new Error(`${why} (${measured})`);
  };
  if (probe.inputType !== 'insertFromPaste') fail(`the paste came as ${probe.inputType}`);
  if ((await page.evaluate(() => window.__model())) !== text) fail('the field changed after the check');

  // At most MAX_FLAGS drawn, from the top of the paste, on the right words.
  if (s.highlighted.length > MAX_FLAGS || s.highlighted.length < MAX_FLAGS / 2)
    fail(`${s.highlighted.length} underlines drawn`);
  for (const word of ['Okafor', NHS, '07700 900000'])
    if (!s.highlighted.some((h) => h.includes(word))) fail(`the first line's ${word} is not underlined`);
  const lastPhone = text.slice(text.lastIndexOf('07700'));
  if (s.highlighted.some((h) => h.includes(lastPhone))) fail(`the last line's ${lastPhone} is underlined`);
  // Counted all: each line has at least a name, an NHS number and a phone number.
  const match = s.note.match(/Showing the first ([\d,]+) of ([\d,]+) flags\./);
  if (!match) fail(`the note says ${JSON.stringify(s.note)}`);
  const [shownCount, total] = match.slice(1).map((n) => Number(n.replace(/,/g, '')));
  const cut = s.note.match(/Chaperone checked the first ([\d,]+) characters\./);
  if (checkedFirst !== !!cut) fail(`the note says ${JSON.stringify(s.note)}`);
  const checked = cut ? Number(cut[1].replace(/,/g, '')) : text.length;
  // Cut at a line break or space at most 1,000 characters before the cap.
  if (cut && (checked > MAX_CHARS || checked < MAX_CHARS - 1000 || !/\s/.test(text[checked - 1])))
    fail(`${checked} characters checked`);
  const checkedLines = text.slice(0, checked).split('\n').length - 1;
  if (shownCount !== MAX_FLAGS || total < 3 * checkedLines)
    fail(`the note says ${JSON.stringify(s.note)} for ${checkedLines} lines checked`);
  if (s.badge !== `${MAX_FLAGS}+`) fail(`the badge says ${JSON.stringify(s.badge)}`);
  if (!s.live.endsWith(`, and ${(total - MAX_FLAGS).toLocaleString()} more not shown`))
    fail(`the live region says ${JSON.stringify(s.live)}`);
  if (!s.label.startsWith(`${MAX_FLAGS} Chaperone flags (the first ${MAX_FLAGS} of ${total.toLocaleString()})`))
    fail(`the badge's name is ${JSON.stringify(s.label)}`);
  if (stall > STALL_BUDGET_MS) fail(`the page stalled ${Math.round(stall)} ms`);

  // Typing on at the end: where all was checked, a new number is counted in the note's total
  // (the flags drawn stay the first 500), and the typing does not stall the page.
  let typing = '';
  if (!checkedFirst) {
    await startProbe(page, false);
    const typedAt = Date.now();
    await page.keyboard.type(' and 07700 900555.', { delay: 20 });
    const more = await waitFor(
      async () => {
        const m = (await shown(page)).note.match(/ of ([\d,]+) flags/);
        return m && Number(m[1].replace(/,/g, '')) > total ? m[1] : null;
      },
      'the typed number counted',
      15000,
    );
    const typed = await stopProbe(page);
    if ((await page.evaluate(() => window.__model())) !== `${text} and 07700 900555.`)
      fail('the typed words are not in the field as typed');
    const typingStall = Math.max(typed.timer, typed.frame);
    if (typingStall > STALL_BUDGET_MS) fail(`typing stalled the page ${Math.round(typingStall)} ms`);
    typing = `; typing on: ${more} flags within ${Date.now() - typedAt} ms, longest stall ${Math.round(typingStall)} ms`;
  }

  // Back to the top, by script and by the wheel: the underlines follow without a stall.
  await startProbe(page, false);
  const top = () =>
    page.evaluate(() => {
      window.__editor.scrollTop = 0;
      scrollTo(0, 0);
    });
  await top();
  const box = await page.evaluate(() => window.__editor.getBoundingClientRect().toJSON());
  await page.mouse.move(box.left + box.width / 2, box.top + Math.min(60, box.height / 2));
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel({ deltaY: i < 3 ? 240 : -240 });
    await sleep(50);
  }
  await top();
  await sleep(300);
  const scrolled = await stopProbe(page);
  const scrollStall = Math.max(scrolled.timer, scrolled.frame);
  if (scrollStall > STALL_BUDGET_MS) fail(`scrolling stalled the page ${Math.round(scrollStall)} ms`);
  if (editor === 'textarea') {
    // The mirror holds the text only down to its last mark's line: its spacer keeps it
    // scrolling with the field, at the top and at the end.
    assertAligned(await mirrorGeometry(page), 'at the top');
    await page.evaluate(() => window.__editor.scrollTo(0, window.__editor.scrollHeight));
    await sleep(150);
    assertAligned(await mirrorGeometry(page), 'at the end');
    await top();
    await sleep(150);
  }

  // The first line's NHS number: its card opens under the pointer, and its fix applies.
  const hovered = Date.now();
  await hover(page, NHS);
  const card = await waitFor(
    () =>
      page.evaluate(
        () =>
          document.getElementById('chaperone-host').shadowRoot.querySelector('.chaperone-card .chaperone-flagged')
            ?.textContent,
      ),
    "the first NHS number's card",
  );
  const cardAfter = Date.now() - hovered;
  if (!card.includes(NHS)) fail(`the card is for ${card}`);
  await sleep(300);
  await page.screenshot({ path: join(screenshots, `${browserName}-dense-${editor}-${lines}-card.png`) });
  await clickCardButton(page, 'Remove');
  const now = checkedFirst ? text : `${text} and 07700 900555.`;
  const at = now.indexOf(NHS);
  const fixed = now.slice(0, at) + now.slice(at + NHS.length);
  await waitFor(async () => (await page.evaluate(() => window.__model())) === fixed, 'the first NHS number removed');
  return `${total.toLocaleString()} flags, ${measured}${typing}; scrolling: longest stall ${Math.round(scrollStall)} ms; card within ${cardAfter} ms`;
}

/** The scenarios, as [label, run] pairs for run.mjs. */
export function denseCases(browserName, page, base) {
  return ['textarea', 'contenteditable'].flatMap((editor) => [
    [
      `dense paste into a ${editor}: 2,400 patient lines, 500 flags drawn, the rest counted`,
      () => denseScenario(browserName, page, base, editor, 2400, false),
    ],
    [
      `dense paste into a ${editor}: over 300,000 characters, the first 300,000 checked`,
      () => denseScenario(browserName, page, base, editor, 6000, true),
    ],
  ]);
}

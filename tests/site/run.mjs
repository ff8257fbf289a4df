// Browser tests of the playground and the rule catalogue as `make run` serves them
// (Python's standard http.server over build/site), in headless Chromium and Firefox.
// Also runs axe-core on every page (light and dark, 1280 and 360 px) and takes screenshots at
// desktop and phone widths, light and dark, for review.

import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { SCHEMES, VIEWS, assertAccessible, assertScheme, firefoxSchemePrefs, view } from '../axe.mjs';
import { CHROMIUM_FLAGS } from '../browsers.mjs';
import { STALL_BUDGET_MS, block, copyToClipboard, startProbe, stopProbe } from '../paste.mjs';

const root = new URL('../..', import.meta.url).pathname;
const shots = join(root, 'tests', 'site', 'screenshots');
const POST = 'Saw Mrs Okafor (94) in bed 12 this morning, NHS no 943 476 5919.';
const NHS = '943 476 5919';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A request that would leave the device (data: and blob: URLs never do). */
const leaves = (url) => !url.startsWith(siteOrigin) && !url.startsWith('data:') && !url.startsWith('blob:');
let siteOrigin = '';

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function serve() {
  const port = await freePort();
  const server = spawn(
    'python3',
    ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', join(root, 'build', 'site')],
    { stdio: 'ignore' },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(`${base}/index.html`)).ok) return { server, base };
    } catch {
      await sleep(100);
    }
  }
  throw new Error('http.server did not start');
}

/** Headless Chromium, or Firefox ESR in `scheme` (its colour scheme is set at launch). */
async function launch(name, scheme = 'light') {
  if (name === 'chromium') {
    return puppeteer.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_FLAGS,
    });
  }
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: firefoxSchemePrefs(scheme),
  });
}

async function waitFor(fn, what, timeout = 8000) {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    const v = await fn();
    if (v) return v;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function playground(page, base, name) {
  await page.goto(`${base}/index.html`);
  await page.waitForFunction(() => document.getElementById('engine-status').textContent.includes('ready'));
  await page.click('#editor');
  await page.keyboard.type(POST, { delay: 3 });
  await waitFor(
    () => page.evaluate(() => document.getElementById('summary').textContent.includes('possible patient identifier')),
    'the summary',
  );
  // The summary can name the first identifiers before the check after the last keystroke.
  const stopped = () => page.evaluate(() => [...(CSS.highlights.get('chaperone-stop') ?? [])].map((r) => r.toString()));
  await waitFor(async () => (await stopped()).includes(NHS), 'the last check').catch(() => {});
  const highlighted = await stopped();
  for (const word of ['Okafor', '94', NHS])
    if (!highlighted.includes(word)) throw new Error(`${word} not highlighted: ${highlighted}`);
  await page.screenshot({ path: join(shots, `${name}-playground.png`), fullPage: true });
  await page.evaluate((rule) => {
    const card = [...document.querySelectorAll('.chaperone-card')].find((c) => c.dataset.rule === rule);
    card.querySelector('button.chaperone-fix').click();
  }, 'phi/nhs-number');
  await waitFor(
    () => page.evaluate((nhs) => !document.getElementById('editor').textContent.includes(nhs), NHS),
    'the fix',
  );
}

/** A dense paste of 6,000 patient lines (358,000 characters) into the playground, with
 * Ctrl+V: as in the extension, only the start is checked (here, where the engine runs in the
 * page, the first 50,000 characters) and the first flags are shown (here 100, each with
 * its card inline, and their highlights), the summary says so, the text stays as pasted and the page never stalls
 * longer than STALL_BUDGET_MS (it drew 13,801 cards in 3.9 s for 2,400 lines before). */
async function densePlayground(page, base) {
  const text = block(6000);
  await page.goto(`${base}/index.html`);
  await page.waitForFunction(() => document.getElementById('engine-status').textContent.includes('ready'));
  await copyToClipboard(page, text);
  await page.evaluate(() => {
    document.getElementById('editor').textContent = '';
    document.getElementById('editor').focus();
  });
  await startProbe(page, true, '#editor');
  const start = Date.now();
  await page.keyboard.down('Control');
  await page.keyboard.press('v');
  await page.keyboard.up('Control');
  const summary = await waitFor(
    () =>
      page.evaluate(() => {
        const said = document.getElementById('summary').textContent;
        return /Showing the first/.test(said) ? said : null;
      }),
    'the summary of a dense paste',
    30000,
  );
  const flagged = Date.now() - start;
  await sleep(1000);
  const probe = await stopProbe(page);
  const seen = await page.evaluate(() => ({
    text: document.getElementById('editor').innerText,
    cards: document.querySelectorAll('#findings .chaperone-card').length,
    highlighted: ['chaperone-stop', 'chaperone-caution', 'chaperone-coach'].reduce(
      (n, name) => n + (CSS.highlights.get(name)?.size ?? 0),
      0,
    ),
  }));
  const stall = Math.max(probe.timer, probe.frame);
  const measured = `${seen.cards} cards, ${seen.highlighted} highlights, shown within ${flagged} ms, longest stall ${Math.round(stall)} ms`;
  if (seen.text.replace(/\n$/, '') !== text)
    throw new Error(`the editor holds ${seen.text.length} characters, not ${text.length}`);
  if (seen.cards !== 100 || seen.highlighted > 100 || seen.highlighted < 50) throw new Error(measured);
  const said = summary.match(
    /Chaperone checked the first ([\d,]+) characters\. Showing the first 100 of [\d,]+ flags\.$/,
  );
  const checked = Number(said?.[1].replace(/,/g, ''));
  if (!(checked > 49_000 && checked <= 50_000)) throw new Error(`the summary says ${JSON.stringify(summary)}`);
  if (stall > STALL_BUDGET_MS) throw new Error(`the page stalled: ${measured}`);
  return measured;
}

async function catalogue(page, base) {
  const expected = JSON.parse(
    execFileSync(join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'release', 'chaperone'), [
      'rules',
      '--format',
      'json',
    ]),
  ).rules.map((r) => r.id);
  await page.goto(`${base}/rules.html`);
  await waitFor(() => page.evaluate(() => document.querySelectorAll('article.rule').length), 'the catalogue');
  const ids = await page.evaluate(() => [...document.querySelectorAll('article.rule')].map((a) => a.id));
  const missing = expected.filter((id) => !ids.includes(id));
  if (missing.length) throw new Error(`catalogue lacks ${missing.join(', ')}`);
}

/** Each page as a reader meets it: the playground with a sample's cards shown, the catalogue
 * rendered. */
const PAGES = {
  'index.html': async (page) => {
    await page.waitForFunction(() => document.getElementById('engine-status').textContent.includes('ready'));
    await page.click('[data-sample="rant"]');
    await page.waitForFunction(() => document.querySelectorAll('#findings .chaperone-card').length > 0);
    const dialogs = await page.evaluate(() => document.querySelectorAll('#findings [role=dialog]').length);
    if (dialogs) throw new Error(`the playground's inline cards are ${dialogs} dialogs`);
  },
  'rules.html': (page) => page.waitForFunction(() => document.querySelectorAll('article.rule').length > 0),
  'install.html': async () => {},
  'privacy.html': async () => {},
};

/** axe-core finds no violation on any page, light or dark, at 1280 and 360 pixels, and no
 * page is wider than the screen. Firefox is launched once per colour scheme. */
async function accessibility(name, base, browser) {
  const failures = [];
  for (const scheme of SCHEMES) {
    const b = name === 'chromium' ? browser : await launch(name, scheme);
    const page = await b.newPage();
    try {
      for (const [path, ready] of Object.entries(PAGES)) {
        for (const size of VIEWS) {
          const what = `${path} at ${size.label}px, ${scheme}`;
          try {
            await view(page, size, scheme);
            await page.goto(`${base}/${path}`);
            await assertScheme(page, scheme);
            await ready(page);
            await assertAccessible(page, what);
          } catch (error) {
            failures.push(error.message.startsWith(what) ? error.message : `${what}: ${error.message}`);
          }
        }
      }
    } finally {
      await page.close();
      if (b !== browser) await b.close();
    }
  }
  if (failures.length) throw new Error(`\n  ${failures.join('\n  ')}`);
}

async function looks(browser, base) {
  const page = await browser.newPage();
  for (const [label, width, height] of [
    ['desktop', 1280, 900],
    ['phone', 390, 844],
  ]) {
    for (const scheme of ['light', 'dark']) {
      await page.setViewport({ width, height });
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await page.goto(`${base}/index.html`);
      await page.waitForFunction(() => document.getElementById('engine-status').textContent.includes('ready'));
      await page.click('[data-sample="rant"]');
      await sleep(200);
      await page.screenshot({ path: join(shots, `${label}-${scheme}.png`), fullPage: true });
    }
  }
  await page.close();
}

async function main() {
  mkdirSync(shots, { recursive: true });
  const { server, base } = await serve();
  siteOrigin = base;
  let passed = 0;
  let failed = 0;
  try {
    for (const name of ['chromium', 'firefox']) {
      const browser = await launch(name);
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      const cases = [
        ['playground', () => playground(page, base, name)],
        ['playground, a dense paste', () => densePlayground(page, base)],
        ['catalogue', () => catalogue(page, base)],
        ['accessibility (axe-core, light and dark, 1280 and 360 px)', () => accessibility(name, base, browser)],
      ];
      for (const [label, run] of cases) {
        try {
          const before = requests.length;
          const note = await run();
          if (label.startsWith('playground')) {
            const typed = requests.slice(before).filter(leaves);
            if (typed.length) throw new Error(`requests left the page: ${typed.join(', ')}`);
          }
          passed++;
          console.log(`ok   ${name} ${label}${typeof note === 'string' ? ` (${note})` : ''}`);
        } catch (error) {
          failed++;
          console.log(`FAIL ${name} ${label}: ${error.message}`);
        }
      }
      const outside = requests.filter(leaves);
      if (outside.length) {
        failed++;
        console.log(`FAIL ${name}: requests outside the site: ${outside.join(', ')}`);
      }
      if (name === 'chromium') await looks(browser, base);
      await browser.close();
    }
  } finally {
    server.kill();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

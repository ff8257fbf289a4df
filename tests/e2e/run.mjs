// End-to-end tests of the built extension in headless Chromium (CDP) and Firefox ESR
// (WebDriver BiDi), against fixture pages that use real editor frameworks from npm. For each
// editor: type a post character by character, see the badge count and the underlines on
// the right words, open a card, apply a fix, check the editor's own model, undo, keep
// typing; a clean post stays unflagged; no request leaves for anywhere but the fixture
// server. Usage: node tests/e2e/run.mjs [chromium|firefox ...]

import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

const root = new URL('../..', import.meta.url).pathname;
const fixtures = join(root, 'tests', 'e2e', 'fixtures');
const out = join(root, 'build', 'e2e');
const screenshots = join(root, 'tests', 'e2e', 'screenshots');
const EDITORS = ['textarea', 'input', 'contenteditable', 'quill', 'lexical', 'tiptap', 'slate', 'draft'];
const STRICT = new Set(['textarea', 'lexical', 'slate']);
const POST = 'Saw Mrs Okafor (94) in bed 12 this morning, NHS no 943 476 5919. Classic frequent flyer.';
const CLEAN = 'Flu clinic Sat 12 Oct 9am-1pm at the practice, thanks Dr Patel';
const NHS = '943 476 5919';

async function buildFixtures() {
  mkdirSync(out, { recursive: true });
  const template = readFileSync(join(fixtures, 'page.html.tmpl'), 'utf8');
  await build({
    entryPoints: Object.fromEntries(EDITORS.map((e) => [e, join(fixtures, `${e}.js`)])),
    outdir: out,
    bundle: true,
    minify: true,
    format: 'iife',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    logLevel: 'warning',
  });
  for (const name of EDITORS) writeFileSync(join(out, `${name}.html`), template.replaceAll('{{name}}', name));
}

function serve() {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const strict = url.pathname.startsWith('/strict/');
    const file = url.pathname.replace(/^\/strict/, '').replace(/^\//, '');
    if (!/^[a-z]+\.(html|js)$/.test(file)) {
      res.writeHead(404).end();
      return;
    }
    const headers = { 'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript' };
    if (strict) headers['content-security-policy'] = "default-src 'self'; script-src 'self'";
    try {
      res.writeHead(200, headers).end(readFileSync(join(out, file)));
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--window-size=1000,800'];

async function launch(browser) {
  if (browser === 'chromium') {
    const b = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, pipe: true, enableExtensions: true, args: FLAGS });
    await b.installExtension(join(root, 'dist', 'chrome'));
    return b;
  }
  const b = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true });
  await b.installExtension(join(root, 'dist', 'firefox'));
  return b;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(fn, what, timeout = 8000) {
  const start = Date.now();
  let last;
  while (Date.now() - start < timeout) {
    last = await fn();
    if (last) return last;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/** The extension's observable state, read from its open shadow root and CSS.highlights. */
function observe(page) {
  return page.evaluate(() => {
    const host = document.getElementById('chaperone-host');
    const root = host?.shadowRoot;
    const badges = [...(root?.querySelectorAll('.chaperone-badge') ?? [])].map((b) => b.textContent);
    const live = root?.querySelector('[role=status]')?.textContent ?? '';
    const highlighted = [];
    for (const name of ['chaperone-stop', 'chaperone-caution', 'chaperone-coach']) {
      for (const r of CSS.highlights?.get(name) ?? []) highlighted.push(r.toString());
    }
    const marks = [...(root?.querySelectorAll('.chaperone-mirror mark') ?? [])].map((m) => m.textContent);
    return { badges, live, highlighted: highlighted.concat(marks), card: root?.querySelector('.chaperone-card')?.dataset.rule ?? null };
  });
}

/** Moves the pointer over the flagged text, as a user reading the underline would. */
async function hover(page, text) {
  const point = await page.evaluate((text) => {
    const root = document.getElementById('chaperone-host').shadowRoot;
    const mark = [...root.querySelectorAll('.chaperone-mirror mark')].find((m) => m.textContent === text);
    let rect = mark?.getClientRects()[0];
    if (!rect) {
      for (const name of ['chaperone-stop', 'chaperone-caution', 'chaperone-coach']) {
        for (const r of CSS.highlights.get(name) ?? []) if (r.toString() === text) rect = r.getClientRects()[0];
      }
    }
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  }, text);
  if (!point) throw new Error(`no underline drawn on ${text}`);
  await page.mouse.move(point.x, point.y);
}

async function clickFix(page, label) {
  await waitFor(() => page.evaluate(() => !!document.getElementById('chaperone-host').shadowRoot.querySelector('.chaperone-card')), 'a card');
  const clicked = await page.evaluate((label) => {
    const button = [...document.getElementById('chaperone-host').shadowRoot.querySelectorAll('.chaperone-card button')].find((b) => b.textContent === label);
    button?.click();
    return !!button;
  }, label);
  if (!clicked) throw new Error(`no "${label}" button on the card`);
}

/** Clicks into the editor and puts the caret at the end, as a user would. */
async function focusEditor(page) {
  const editor = await page.evaluateHandle(() => window.__editor ?? document.querySelector(window.__editorSelector));
  await editor.click();
  await page.keyboard.down('Control');
  await page.keyboard.press('End');
  await page.keyboard.up('Control');
  await sleep(150);
}

const model = (page) => page.evaluate(() => window.__model());

async function scenario(browser, page, base, editor) {
  const url = `${base}/${STRICT.has(editor) ? 'strict/' : ''}${editor}.html`;
  await page.goto(url);
  await page.waitForFunction(() => window.__model && (window.__editor || document.querySelector(window.__editorSelector)));
  await focusEditor(page);
  await page.keyboard.type(POST, { delay: 5 });
  const typed = await waitFor(async () => ((await model(page)) === POST ? true : null), 'the editor to hold the post').catch(async () => {
    throw new Error(`model is ${JSON.stringify(await model(page))}`);
  });
  const state = await waitFor(async () => {
    const s = await observe(page);
    return Number(s.badges[0]) >= 4 && s.highlighted.includes(NHS) ? s : null;
  }, 'badge and underlines');
  for (const word of ['Okafor', '94', NHS, 'frequent flyer']) {
    if (!state.highlighted.includes(word)) throw new Error(`"${word}" not underlined: ${JSON.stringify(state.highlighted)}`);
  }
  if (!state.live.includes('possible patient identifier')) throw new Error(`live region says ${JSON.stringify(state.live)}`);
  await page.screenshot({ path: join(screenshots, `${browser}-${editor}-flagged.png`) });
  // Quill and Lexical merge edits within about a second into one undo step: wait as a user would.
  await sleep(1200);
  await hover(page, NHS);
  await page.screenshot({ path: join(screenshots, `${browser}-${editor}-card.png`) });
  await clickFix(page, 'Remove');
  await waitFor(async () => !(await model(page)).includes(NHS), 'the fix in the editor model');
  await waitFor(async () => !(await observe(page)).highlighted.includes(NHS), 'the underline to go');
  await focusEditor(page);
  await page.keyboard.down('Control');
  await page.keyboard.press('z');
  await page.keyboard.up('Control');
  await waitFor(async () => (await model(page)).includes(NHS), 'undo to restore the number');
  await focusEditor(page);
  await page.keyboard.type(' Thanks');
  await waitFor(async () => (await model(page)).endsWith('Thanks'), 'typing after undo');
  return typed;
}

async function cleanScenario(page, base) {
  await page.goto(`${base}/textarea.html`);
  await page.waitForFunction(() => window.__model);
  await focusEditor(page);
  await page.keyboard.type(CLEAN, { delay: 2 });
  const s = await waitFor(async () => {
    const o = await observe(page);
    return o.badges.length ? o : null;
  }, 'the badge');
  await sleep(300);
  const after = await observe(page);
  if (after.badges[0] !== '0' || after.highlighted.length) throw new Error(`clean post flagged: ${JSON.stringify(after)}`);
  return s;
}

async function main() {
  const browsers = process.argv.slice(2).length ? process.argv.slice(2) : ['chromium', 'firefox'];
  mkdirSync(screenshots, { recursive: true });
  await buildFixtures();
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  let passed = 0;
  let failed = 0;
  for (const name of browsers) {
    const browser = await launch(name);
    const page = await browser.newPage();
    await page.setViewport({ width: 1000, height: 800 });
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    const cases = [...EDITORS.map((e) => [e, () => scenario(name, page, base, e)]), ['clean post', () => cleanScenario(page, base)]];
    for (const [label, run] of cases) {
      try {
        await run();
        passed++;
        console.log(`ok   ${name} ${label}`);
      } catch (error) {
        failed++;
        console.log(`FAIL ${name} ${label}: ${error.message}`);
        await page.screenshot({ path: join(screenshots, `${name}-${label.replace(' ', '-')}-failure.png`) }).catch(() => {});
      }
    }
    const outside = requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:'));
    if (outside.length) {
      failed++;
      console.log(`FAIL ${name} network: requests left the page: ${outside.join(', ')}`);
    } else {
      passed++;
      console.log(`ok   ${name} no request outside the fixture server (${requests.length} requests)`);
    }
    await browser.close();
  }
  server.close();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

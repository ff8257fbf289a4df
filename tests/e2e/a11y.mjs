// Accessibility of the extension's own UI, end to end: the badge and a card opened from it on
// a fixture page, and the popup and options pages (Chromium: the installed extension's;
// Firefox: the built pages served over HTTP with a stub API). axe-core finds no violation in
// light and dark at 1280 and 360 pixels, and the badge's count has 4.5 : 1 on each of its
// colours (axe skips a one-character text). The badge's name starts with the count it shows;
// the badge sits between its field and what follows in Tab order, both ways; a card opened
// from the badge with the keyboard takes focus and shows a focus ring, and Escape gives focus
// back.

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { SCHEMES, VIEWS, assertAccessible, assertScheme, view } from '../axe.mjs';
import { focusEditor, observe, root, sleep, waitFor } from './harness.mjs';

const screenshots = join(root, 'tests', 'e2e', 'screenshots');

const POST = 'Mrs Okafor (94) in bed 12, NHS no 943 476 5919. Classic frequent flyer, what an idiot.';

/** What has focus: in the page, or inside the extension's shadow root. */
const focus = (page) =>
  page.evaluate(() => {
    const root = document.getElementById('chaperone-host')?.shadowRoot;
    const el = root?.activeElement;
    if (el) {
      const style = getComputedStyle(el);
      return {
        in: 'extension',
        what: el.classList.contains('chaperone-badge')
          ? 'badge'
          : el.classList.contains('chaperone-card')
            ? 'card'
            : el.tagName.toLowerCase(),
        ring: el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      };
    }
    return { in: 'page', what: document.activeElement?.id || document.activeElement?.tagName.toLowerCase() };
  });

/** The badge's text and accessible name (its aria-label). */
const badge = (page) =>
  page.evaluate(() => {
    const b = document.getElementById('chaperone-host').shadowRoot.querySelector('.chaperone-badge');
    return { text: b.textContent, name: b.getAttribute('aria-label') };
  });

/** The badge's count against its background in each of its states (a stop, a caution, only
 * coaching, nothing found), as contrast ratios: axe-core does not judge a one-character text. */
const badgeContrasts = (page) =>
  page.evaluate(() => {
    const b = document.getElementById('chaperone-host').shadowRoot.querySelector('.chaperone-badge');
    const rgb = (c) =>
      c
        .match(/[\d.]+/g)
        .slice(0, 3)
        .map(Number);
    const lum = (c) => {
      const [r, g, b] = rgb(c).map((v) => {
        v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const saved = [b.className, b.dataset.count];
    const out = {};
    for (const [state, cls, count] of [
      ['stop', 'has-stop', '2'],
      ['caution', 'has-caution', '2'],
      ['coach', '', '2'],
      ['none', '', '0'],
    ]) {
      b.className = `chaperone-badge ${cls}`;
      b.dataset.count = count;
      const style = getComputedStyle(b);
      const [hi, lo] = [lum(style.color), lum(style.backgroundColor)].sort((x, y) => y - x);
      out[state] = Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
    }
    [b.className, b.dataset.count] = saved;
    return out;
  });

/** Types the post in the textarea fixture and waits for its flags. The fixture page is first
 * made an accessible page of its own (a main landmark, a labelled field that fits a phone,
 * a button after it for Tab to go to), so what axe finds is the extension's. */
async function flagged(page, base) {
  await page.goto(`${base}/textarea.html`);
  await page.waitForFunction(() => window.__model);
  await page.evaluate(() => {
    const main = document.createElement('main');
    main.append(...document.body.children);
    document.body.prepend(main);
    Object.assign(window.__editor.style, { maxWidth: '100%', boxSizing: 'border-box' });
    window.__editor.setAttribute('aria-label', 'Post');
    const after = document.createElement('button');
    after.id = 'after';
    after.textContent = 'Post';
    document.getElementById('mount').after(after);
  });
  await focusEditor(page);
  await page.keyboard.type(POST, { delay: 2 });
  await waitFor(async () => {
    const s = await observe(page);
    return Number(s.badges[0]) >= 4 && s.highlighted.includes('943 476 5919') ? s : null;
  }, 'the flags');
  await sleep(300);
}

async function press(page, key, shift = false) {
  if (shift) await page.keyboard.down('Shift');
  await page.keyboard.press(key);
  if (shift) await page.keyboard.up('Shift');
  await sleep(100);
}

/** The badge's name, and reaching it and a card from the keyboard. */
export async function badgeKeyboardScenario(page, base) {
  await flagged(page, base);
  const { text, name } = await badge(page);
  if (!name.startsWith(`${text} `)) throw new Error(`the badge shows ${text} but is named ${JSON.stringify(name)}`);
  const counted = [...name.matchAll(/(\d+) (possible patient identifiers?|professionalism concerns?)/g)].reduce(
    (n, m) => n + Number(m[1]),
    0,
  );
  if (counted !== Number(text))
    throw new Error(`the badge shows ${text}, its name counts ${counted}: ${JSON.stringify(name)}`);

  await press(page, 'Tab');
  let f = await focus(page);
  if (f.what !== 'badge') throw new Error(`Tab from the field went to ${JSON.stringify(f)}, not its badge`);
  if (!f.ring) throw new Error('the focused badge shows no focus ring');
  await press(page, 'Enter');
  f = await waitFor(async () => {
    const f = await focus(page);
    return f.what === 'card' ? f : null;
  }, 'Enter on the badge to open a card and focus it');
  if (!f.ring) throw new Error('the focused card shows no focus ring');
  await press(page, 'Escape');
  f = await focus(page);
  if ((await observe(page)).card !== null) throw new Error('Escape left the card open');
  if (f.what !== 'badge') throw new Error(`Escape gave focus to ${JSON.stringify(f)}, not the badge`);
  await press(page, 'Tab', true);
  f = await focus(page);
  if (f.what !== 'textarea') throw new Error(`Shift+Tab from the badge went to ${JSON.stringify(f)}, not the field`);
  await press(page, 'Tab');
  await press(page, 'Tab');
  f = await focus(page);
  if (f.what !== 'after')
    throw new Error(`Tab from the badge went to ${JSON.stringify(f)}, not the button after the field`);
  await press(page, 'Tab', true);
  f = await focus(page);
  if (f.what !== 'badge')
    throw new Error(`Shift+Tab from the button after the field went to ${JSON.stringify(f)}, not the badge`);
}

/** axe-core on the page with the badge and a card opened from it, in each colour scheme the
 * browser can show (Chromium emulates both; Firefox shows the one it was launched with). */
export async function badgeAxeScenario(page, base, schemes = SCHEMES) {
  const failures = [];
  for (const scheme of schemes) {
    for (const size of VIEWS) {
      const what = `badge and card at ${size.label}px, ${scheme}`;
      try {
        await view(page, size, scheme);
        await flagged(page, base);
        await assertScheme(page, scheme);
        const low = Object.entries(await badgeContrasts(page)).filter(([, ratio]) => ratio < 4.5);
        if (low.length)
          throw new Error(
            `the badge's count is below 4.5 : 1 on ${low.map(([state, ratio]) => `${state} (${ratio})`).join(', ')}`,
          );
        await press(page, 'Tab');
        await press(page, 'Enter');
        await waitFor(async () => (await focus(page)).what === 'card', 'the card to take focus');
        await page.screenshot({
          path: join(
            screenshots,
            `${page.browser().protocol === 'cdp' ? 'chromium' : 'firefox'}-badge-card-${size.label}-${scheme}.png`,
          ),
        });
        await assertAccessible(page, what);
      } catch (error) {
        failures.push(error.message.startsWith(what) ? error.message : `${what}: ${error.message}`);
      }
    }
  }
  await page.setViewport({ width: 1000, height: 800 });
  if (failures.length) throw new Error(`\n  ${failures.join('\n  ')}`);
}

/** axe-core on the popup and the options page (Chromium: reached through the service
 * worker's extension id), with a settings problem shown; their text at 14 px, and the
 * popup's "Check this site (host)" on one line. Leaves storage as it found it. */
export async function pagesAxeScenario(browser) {
  const worker = await browser.waitForTarget((t) => t.type() === 'service_worker');
  const extension = `chrome-extension://${new URL(worker.url()).host}`;
  const page = await browser.newPage();
  const failures = [];
  try {
    await page.goto(`${extension}/pages/options.html`);
    const saved = await page.evaluate(() => chrome.storage.sync.get('settings'));
    await page.evaluate(() => chrome.storage.sync.set({ settings: { region: 'mars' } }));
    try {
      for (const path of ['pages/popup.html', 'pages/options.html']) {
        for (const scheme of SCHEMES) {
          for (const size of VIEWS) {
            const what = `${path} at ${size.label}px, ${scheme}`;
            try {
              await view(page, size, scheme);
              await page.goto(`${extension}/${path}`);
              await page.waitForFunction(() => !document.getElementById('error').hidden);
              const [main, font] = await page.evaluate(() => [
                !!document.querySelector('main'),
                getComputedStyle(document.querySelector('label')).fontSize,
              ]);
              if (!main) throw new Error('no main landmark');
              if (font !== '14px') throw new Error(`labels are ${font}, not 14px`);
              if (path.includes('popup')) {
                // The label's text is one flex item, so it wraps as a sentence, not in pieces.
                const pieces = await page.evaluate(
                  () =>
                    [...document.getElementById('site-enabled').parentElement.childNodes].filter(
                      (n) => n.nodeType === 3 && n.textContent.trim(),
                    ).length,
                );
                if (pieces) throw new Error(`"Check this site (host)" is split into ${pieces + 2} flex items`);
              }
              await page.screenshot({
                path: join(screenshots, `chromium-${path.slice(6, -5)}-${size.label}-${scheme}.png`),
                fullPage: true,
              });
              await assertAccessible(page, what);
            } catch (error) {
              failures.push(error.message.startsWith(what) ? error.message : `${what}: ${error.message}`);
            }
          }
        }
      }
    } finally {
      await page.evaluate(
        (saved) => (saved.settings ? chrome.storage.sync.set(saved) : chrome.storage.sync.remove('settings')),
        saved,
      );
    }
  } finally {
    await page.close();
  }
  if (failures.length) throw new Error(`\n  ${failures.join('\n  ')}`);
}

/** The extension API the popup and options pages use, in memory, with a bad region stored:
 * for Firefox, whose WebDriver BiDi cannot open moz-extension pages, the built pages are
 * served over HTTP with this in place of `browser`. There is no background to ask, so the
 * pages name the problems they see themselves. */
function stubApi() {
  const areas = { sync: { settings: { region: 'mars' } }, local: {}, managed: {} };
  const area = (name) => ({
    get: async (keys) => {
      const all = areas[name];
      if (keys === null || keys === undefined) return { ...all };
      const wanted = typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
      return Object.fromEntries(wanted.filter((k) => k in all).map((k) => [k, all[k]]));
    },
    set: async (items) => void Object.assign(areas[name], items),
    remove: async (keys) => {
      for (const k of [].concat(keys)) delete areas[name][k];
    },
    clear: async () => {
      areas[name] = {};
    },
  });
  globalThis.browser = {
    storage: { sync: area('sync'), local: area('local'), managed: area('managed'), onChanged: { addListener() {} } },
    runtime: { sendMessage: async () => Promise.reject(new Error('no background')) },
    tabs: { query: async () => [{ url: 'https://social.example/compose' }] },
  };
}

/** Serves dist/firefox/pages on a free loopback port. */
function servePages() {
  const dir = join(root, 'dist', 'firefox', 'pages');
  const types = { html: 'text/html; charset=utf-8', css: 'text/css', js: 'text/javascript' };
  const server = createServer((req, res) => {
    const file = new URL(req.url, 'http://x').pathname.slice(1);
    const ext = file.split('.').pop();
    if (!/^[a-z]+\.(html|css|js)$/.test(file)) return res.writeHead(404).end();
    try {
      res.writeHead(200, { 'content-type': types[ext] }).end(readFileSync(join(dir, file)));
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Firefox: axe-core on the built popup and options pages, served over HTTP with the stub
 * API, in the colour scheme `browser` was launched with. */
export async function servedPagesAxeScenario(browser, scheme) {
  const server = await servePages();
  const base = `http://127.0.0.1:${server.address().port}`;
  const page = await browser.newPage();
  const failures = [];
  try {
    await page.evaluateOnNewDocument(stubApi);
    for (const path of ['popup.html', 'options.html']) {
      for (const size of VIEWS) {
        const what = `pages/${path} (served) at ${size.label}px, ${scheme}`;
        try {
          await view(page, size, scheme);
          await page.goto(`${base}/${path}`);
          await assertScheme(page, scheme);
          await page.waitForFunction(() => !document.getElementById('error').hidden);
          const font = await page.evaluate(() => getComputedStyle(document.querySelector('label')).fontSize);
          if (font !== '14px') throw new Error(`labels are ${font}, not 14px`);
          await page.screenshot({
            path: join(screenshots, `firefox-${path.slice(0, -5)}-${size.label}-${scheme}.png`),
            fullPage: true,
          });
          await assertAccessible(page, what);
        } catch (error) {
          failures.push(error.message.startsWith(what) ? error.message : `${what}: ${error.message}`);
        }
      }
    }
  } finally {
    await page.close();
    server.close();
  }
  if (failures.length) throw new Error(`\n  ${failures.join('\n  ')}`);
}

// The message protocol (extension/src/protocol.js), without a browser: the background answers
// only its own contexts and only the kinds the protocol names; the content script's ask()
// outlasts a background that is starting; and no other file speaks the protocol by itself
// (no message kind as a string literal, no sendMessage or onMessage of its own).
// Run with `node --test tests/extension`.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const root = new URL('../..', import.meta.url).pathname;

/** A fake `chrome.runtime`: `sendMessage` calls `reply(message)`; listeners are kept. */
const runtime = { id: 'chaperone-test', listeners: [], reply: async () => undefined };
globalThis.chrome = {
  runtime: {
    id: runtime.id,
    sendMessage: (message) => runtime.reply(message),
    onMessage: { addListener: (listener) => runtime.listeners.push(listener) },
  },
};
const { answer, ask, MESSAGES, send } = await import('../../extension/src/protocol.js');

/** Delivers `message` to the registered listener as the browser would; resolves to the reply,
 * or to 'unanswered' when the listener declines it. */
function deliver(message, sender = { id: runtime.id }) {
  return new Promise((resolve) => {
    const keep = runtime.listeners.at(-1)(message, sender, resolve);
    if (keep !== true) resolve('unanswered');
  });
}

test('the background answers each kind from its own contexts, and a handler error as { error }', async () => {
  answer({
    [MESSAGES.check]: ({ text }) => {
      if (typeof text !== 'string') throw new Error('text missing or too long');
      return { findings: [], total: 0 };
    },
    [MESSAGES.warm]: async () => ({ warm: true }),
    [MESSAGES.settings]: async () => ({ settings: { trainee: true } }),
  });
  assert.deepEqual(await deliver({ type: MESSAGES.check, text: 'hello' }), { findings: [], total: 0 });
  assert.deepEqual(await deliver({ type: MESSAGES.check }), { error: 'text missing or too long' });
  assert.deepEqual(await deliver({ type: MESSAGES.warm }), { warm: true });
  assert.deepEqual(await deliver({ type: MESSAGES.settings }), { settings: { trainee: true } });
  assert.equal(await deliver({ type: 'shutdown' }), 'unanswered');
  assert.equal(await deliver('check'), 'unanswered');
  assert.equal(await deliver({ type: MESSAGES.check, text: 'x' }, { id: 'another-extension' }), 'unanswered');
});

test('a background that leaves a kind unhandled fails when it starts', () => {
  assert.throws(() => answer({ [MESSAGES.check]: () => ({}) }), /no handler for warm, settings/);
});

test('ask() retries while the background starts, and send() tags the payload with its kind', async () => {
  const seen = [];
  runtime.reply = async (message) => {
    seen.push(message);
    if (seen.length === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
    if (seen.length === 2) return undefined;
    return { findings: [], total: 0 };
  };
  assert.deepEqual(await ask(MESSAGES.check, { text: 'Bed 4' }), { findings: [], total: 0 });
  assert.deepEqual(seen, Array(3).fill({ text: 'Bed 4', type: 'check' }));
  runtime.reply = async (message) => message;
  assert.deepEqual(await send(MESSAGES.warm, { type: 'forged' }), { type: 'warm' });
  runtime.reply = async () => {
    throw new Error('Extension context invalidated.');
  };
  await assert.rejects(ask(MESSAGES.check, { text: '' }), /context invalidated/);
});

/** Every JavaScript source of the extension and the site. */
function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.m?js$/.test(name) ? [path] : [];
  });
}

test('only protocol.js names message kinds or sends and receives messages', () => {
  const kinds = Object.values(MESSAGES).join('|');
  const literal = new RegExp(`\\btype\\s*(:|===?|!==?)\\s*['"\`](${kinds})['"\`]`);
  const offenders = [];
  for (const file of [...sources(join(root, 'extension')), ...sources(join(root, 'www'))]) {
    const name = relative(root, file);
    if (name === 'extension/src/protocol.js') continue;
    const code = readFileSync(file, 'utf8');
    if (literal.test(code)) offenders.push(`${name}: a message kind as a literal`);
    if (/runtime\.(sendMessage|onMessage)\b/.test(code))
      offenders.push(`${name}: runtime messaging outside protocol.js`);
  }
  assert.deepEqual(offenders, []);
});

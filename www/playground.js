// The playground: the extension's engine (wasm) and its cards and highlights, on a page.

import init, { Engine } from '../build/pkg/chaperone.js';
import { renderCard } from '../extension/src/ui/card.js';
import { clearHighlights, paintHighlights, SEVERITIES } from '../extension/src/ui/highlights.js';
import { summarize } from '../extension/src/ui/summary.js';
import { boundsNote, checkedLength } from '../extension/src/ui/bounds.js';
import { extractText, rangeFor } from '../extension/src/content/extract.js';

const SAMPLES = {
  story:
    'Saw Mrs Okafor (94) in bed 12 on Ward 7 this morning, NHS no 943 476 5919. Her daughter Priya called from 07700 900123.',
  review:
    'Thank you for your review. As your records show, you missed two appointments, and your Botox results were as we explained.',
  rant: '3rd visit this week from our favourite frequent flyer, classic drug-seeking 🙄 Honestly the on-call ortho reg is a useless idiot.',
  clean:
    'Flu clinic Sat 12 Oct 9am–1pm at the practice, BP checks too. See doi:10.1056/NEJMoa2034577, thanks @NHSEngland and Dr Patel!',
};

const editor = document.getElementById('editor');
const region = document.getElementById('region');
const trainee = document.getElementById('trainee');
const summary = document.getElementById('summary');
const list = document.getElementById('findings');
const status = document.getElementById('engine-status');
let engine;
let timer = 0;
let current = { text: '', nodes: [], findings: [] };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** The most of the editor's text checked here: the playground runs the engine in its own
 * page, where 300,000 dense characters (the extension's cap, checked in its background)
 * would hold the page for 0.6 s at every check; 50,000 take about 0.1 s. */
const MAX_CHARS_HERE = 50_000;
/** The most flags shown here: each gets its card drawn inline (the extension draws a card only
 * when asked), and 500 cards held the page for half a second; 100 are more than a screenful. */
const MAX_FINDINGS_HERE = 100;

function check() {
  if (!engine) return;
  const { text, nodes } = extractText(editor);
  // Bounded as in the extension, with caps of its own: a dense paste is checked up to a cap
  // and shows the first flags, with a note saying what was left out.
  const checked = checkedLength(text, MAX_CHARS_HERE);
  const all = engine.check(checked < text.length ? text.slice(0, checked) : text);
  const findings = all.slice(0, MAX_FINDINGS_HERE);
  current = { text, nodes, findings };
  const ranges = Object.fromEntries(SEVERITIES.map((s) => [s, []]));
  for (const f of findings) {
    const r = rangeFor(nodes, f.start, f.end);
    if (r) ranges[f.severity].push(r);
  }
  if (!paintHighlights(ranges)) clearHighlights();
  const note = boundsNote({ checked, length: text.length, shown: findings.length, total: all.length });
  summary.textContent = note ? `${summarize(findings)}. ${note}` : summarize(findings);
  list.replaceChildren(
    ...findings.map((f) =>
      renderCard(f, {
        inline: true,
        trainee: trainee.checked,
        flagged: text.slice(f.start, f.end),
        onFix: (s) => fix(f, s),
      }),
    ),
  );
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(check, 60);
}

/** Replaces a span as typing would, so the editor's undo keeps working. */
async function fix(finding, replacement) {
  const range = rangeFor(current.nodes, finding.start, finding.end);
  if (!range) return;
  editor.focus();
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  await sleep(0);
  document.execCommand(replacement ? 'insertText' : 'delete', false, replacement);
  check();
}

function load(sample) {
  editor.textContent = SAMPLES[sample];
  check();
}

function configure() {
  try {
    engine?.setConfig(JSON.stringify({ region: region.value }));
  } catch (error) {
    status.textContent = String(error.message ?? error);
  }
  check();
}

editor.addEventListener('input', schedule);
region.addEventListener('change', configure);
trainee.addEventListener('change', check);
document.getElementById('clear').addEventListener('click', () => {
  editor.textContent = '';
  check();
  editor.focus();
});
for (const button of document.querySelectorAll('[data-sample]'))
  button.addEventListener('click', () => load(button.dataset.sample));

(async () => {
  const start = performance.now();
  await init({ module_or_path: new URL('pkg/chaperone_bg.wasm', location.href) });
  engine = new Engine(JSON.stringify({ region: region.value }));
  engine.check('');
  status.textContent = `Checker ready in ${Math.round(performance.now() - start)} ms, running in this page.`;
  check();
})().catch((error) => {
  status.textContent = `The checker could not start: ${error.message ?? error}`;
});

// The playground: the extension's engine (wasm) and its cards and highlights, on a page.

import init, { Engine } from '../build/pkg/chaperone.js';
import { renderCard } from '../extension/src/ui/card.js';
import { clearHighlights, paintHighlights, SEVERITIES } from '../extension/src/ui/highlights.js';
import { summarize } from '../extension/src/ui/summary.js';
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

function check() {
  if (!engine) return;
  const { text, nodes } = extractText(editor);
  const findings = engine.check(text);
  current = { text, nodes, findings };
  const ranges = Object.fromEntries(SEVERITIES.map((s) => [s, []]));
  for (const f of findings) {
    const r = rangeFor(nodes, f.start, f.end);
    if (r) ranges[f.severity].push(r);
  }
  if (!paintHighlights(ranges)) clearHighlights();
  summary.textContent = summarize(findings);
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

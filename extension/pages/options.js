// The options page: region, sensitivity, categories, trainee mode, allow list, watch terms
// and sites; export and wipe. Organisation policy (storage.managed) is shown locked.
import { api } from '../src/ext.js';
import { DEFAULTS, loadSettings } from '../src/settings.js';
import { settingsProblems, showProblems } from './dropped.js';

const $ = (id) => document.getElementById(id);
const lines = (id) =>
  $(id)
    .value.split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const status = (text) => {
  $('status').textContent = text;
};

async function main() {
  const s = await loadSettings();
  $('region').value = s.region;
  $('sensitivity').value = s.sensitivity;
  $('cat-phi').checked = s.categories.phi !== false;
  $('cat-professionalism').checked = s.categories.professionalism !== false;
  $('trainee').checked = s.trainee;
  const { allow = [], watch = [] } = await api.storage.local.get(['allow', 'watch']);
  $('allow').value = allow.join('\n');
  $('watch').value = watch.join('\n');
  $('sites').value = s.disabled_sites.join('\n');
  $('locked').hidden = !s.managed.length;
  if (s.locked)
    for (const id of ['region', 'sensitivity', 'cat-phi', 'cat-professionalism', 'sites'])
      $(id).disabled = s.managed.includes(id) || s.locked;
  showProblems($('error'), await settingsProblems(s));
}

$('save').addEventListener('click', async () => {
  const settings = {
    region: $('region').value,
    sensitivity: $('sensitivity').value,
    categories: { phi: $('cat-phi').checked, professionalism: $('cat-professionalism').checked },
    trainee: $('trainee').checked,
    disabled_sites: lines('sites'),
  };
  await api.storage.sync.set({ settings });
  await api.storage.local.set({ allow: lines('allow'), watch: lines('watch') });
  status('Saved.');
});

$('export').addEventListener('click', async () => {
  const { allow = [], watch = [] } = await api.storage.local.get(['allow', 'watch']);
  const blob = new Blob([JSON.stringify({ allow, watch }, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'chaperone-terms.json';
  a.click();
  URL.revokeObjectURL(a.href);
});

$('wipe').addEventListener('click', async () => {
  await api.storage.local.clear();
  await api.storage.sync.remove('settings');
  await main();
  $('allow').value = '';
  $('watch').value = '';
  status(`Wiped. Defaults: region ${DEFAULTS.region}, sensitivity ${DEFAULTS.sensitivity}.`);
});

// A change of settings anywhere (this page, a policy update) changes what is ignored.
api.storage.onChanged.addListener(async () => {
  showProblems($('error'), await settingsProblems(await loadSettings()));
});

main();

// The toolbar popup: this site on or off, region, trainee mode, and "check this site".
import { api } from '../src/ext.js';
import { loadSettings } from '../src/settings.js';
import { settingsProblems, showProblems } from './dropped.js';

const $ = (id) => document.getElementById(id);

/** The active tab's URL (readable through activeTab while the popup is open). */
async function currentUrl() {
  const [tab] = await api.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  try {
    return new URL(tab?.url ?? '');
  } catch {
    return null;
  }
}

async function save(patch) {
  const { settings = {} } = await api.storage.sync.get('settings');
  await api.storage.sync.set({ settings: { ...settings, ...patch } });
}

async function main() {
  const s = await loadSettings();
  const url = await currentUrl();
  const host = url?.hostname ?? '';
  $('site').textContent = host || 'this page';
  $('site-enabled').checked = !s.disabled_sites.includes(host);
  $('region').value = s.region;
  $('trainee').checked = s.trainee;
  const locked = s.locked === true;
  for (const id of ['region', 'trainee', 'site-enabled']) $(id).disabled = locked && s.managed.length > 0;
  $('locked').hidden = !s.managed.length;
  // The background's answer may take a worker start: the controls do not wait for it.
  settingsProblems(s).then((problems) => showProblems($('error'), problems));
  $('region').addEventListener('change', () => save({ region: $('region').value }));
  $('trainee').addEventListener('change', () => save({ trainee: $('trainee').checked }));
  $('site-enabled').addEventListener('change', async () => {
    const { settings = {} } = await api.storage.sync.get('settings');
    const sites = new Set(settings.disabled_sites ?? []);
    if ($('site-enabled').checked) sites.delete(host);
    else if (host) sites.add(host);
    await save({ disabled_sites: [...sites] });
  });
  if (host && api.permissions && api.scripting) {
    const origin = `${url.origin}/*`;
    const granted = await api.permissions.contains({ origins: [origin] }).catch(() => true);
    $('grant').hidden = granted;
    $('grant').addEventListener('click', async () => {
      if (!(await api.permissions.request({ origins: [origin] }))) return;
      await api.scripting
        .registerContentScripts([
          { id: `site-${host}`, matches: [origin], js: ['content.js'], css: ['highlight.css'], allFrames: true },
        ])
        .catch(() => {});
      $('grant').hidden = true;
    });
  }
}

// A change of settings anywhere (this page, a policy update) changes what is ignored.
api.storage.onChanged.addListener(async () => {
  showProblems($('error'), await settingsProblems(await loadSettings()));
});

main();

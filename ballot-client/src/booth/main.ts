/** The booth bundle's entry: one script for the three pages, chosen by the shell's `data-page`. */
import { startBooth } from './booth.ts';
import { startCheck } from './check.ts';
import { startFind } from './find.ts';
import { initialLang, translator } from './i18n.ts';
import { bundleHash, setLang, type PageKind, type Shell } from './shell.ts';

function start(): void {
  const body = document.body;
  const page = (body.dataset.page ?? 'booth') as PageKind;
  const root = document.getElementById('app');
  if (!root || !body.dataset.election) return;
  const lang = initialLang();
  const shell: Shell = {
    lang,
    t: translator(lang),
    election: body.dataset.election,
    page,
    bundleHash: hash,
    root,
  };
  setLang(shell, lang);
  if (page === 'check') startCheck(shell);
  else if (page === 'find') startFind(shell);
  else startBooth(shell);
}

// document.currentScript is only set while the script first runs.
const hash = bundleHash();
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();

/**
 * What the three booth pages share: the language switch, the election header, the footer with the
 * links between the pages and the fingerprint of the booth code, and focus handling.
 */
import type { PublicElection } from '../index.ts';
import { LANGS, LANG_NAMES, type Lang } from '@saylau/protocol/lang';
import type { MessageKey } from './catalog.ts';
import { append, clear, h } from './dom.ts';
import { almatyClock, formatDay, formatTime, rememberLang, translator, type Translate } from './i18n.ts';

export type PageKind = 'booth' | 'check' | 'find';

export interface Shell {
  lang: Lang;
  t: Translate;
  election: string;
  page: PageKind;
  /** The booth bundle's SHA-256, read from its content-addressed URL. */
  bundleHash: string;
  /** The bundle SHA-256 in the election's manifest (SPEC §10.1), once the election is loaded. */
  manifestHash?: string;
  root: HTMLElement;
}

const TITLES: Record<PageKind, MessageKey> = {
  booth: 'app.title',
  check: 'app.checkTitle',
  find: 'app.findTitle',
};

export function pageUrl(election: string, page: PageKind): string {
  return `/elections/${encodeURIComponent(election)}/${page}`;
}

/** The running script's SHA-256: the 64 hex characters of its URL, /booth/<sha256>.js. */
export function bundleHash(): string {
  const src = (document.currentScript as HTMLScriptElement | null)?.src ?? '';
  return /\/booth\/([0-9a-f]{64})\.js$/.exec(src)?.[1] ?? document.body.dataset.bundle ?? '';
}

export function setLang(shell: Shell, lang: Lang): void {
  shell.lang = lang;
  shell.t = translator(lang);
  document.documentElement.lang = lang;
  document.title = shell.t(TITLES[shell.page]);
  rememberLang(lang);
}

/** The language switch: three buttons, the current one pressed; `short`: KK, RU, EN (the full name as a tooltip). */
export function langSwitch(shell: Shell, onChange: (lang: Lang) => void, short = false): HTMLElement {
  return h(
    'nav',
    { class: 'langs', 'aria-label': shell.t('lang.label') },
    LANGS.map((l) =>
      h(
        'button',
        {
          type: 'button',
          lang: l,
          'data-lang': l,
          'aria-pressed': l === shell.lang ? 'true' : 'false',
          title: short ? LANG_NAMES[l] : null,
          onclick: () => {
            if (l !== shell.lang) onChange(l);
          },
        },
        short ? l.toUpperCase() : LANG_NAMES[l],
      ),
    ),
  );
}

export function electionHeader(shell: Shell, e: PublicElection | null): HTMLElement {
  const manifest = (e?.manifest ?? {}) as { district?: Record<Lang, string>; electionDay?: string };
  return h(
    'header',
    { class: 'election' },
    e?.demo ? h('p', { class: 'badge-demo' }, shell.t('app.demo')) : null,
    manifest.district ? h('p', { class: 'district' }, manifest.district[shell.lang]) : null,
    manifest.electionDay
      ? h('p', { class: 'muted' }, `${shell.t('common.day')}: ${formatDay(shell.lang, manifest.electionDay)}`)
      : null,
  );
}

export function votingHours(shell: Shell, e: PublicElection | null): string {
  const c = e?.calendar ?? {};
  return c.votingOpens && c.votingCloses
    ? `${formatTime(shell.lang, c.votingOpens)} – ${formatTime(shell.lang, c.votingCloses)}`
    : '—';
}

/** When voting closes (SPEC §10.1 calendar), written out in the page's language, Asia/Almaty time. */
export function votingCloses(shell: Shell, e: PublicElection | null): HTMLElement | null {
  const c = almatyClock(e?.calendar?.votingCloses ?? '');
  if (!c) return null;
  return h(
    'p',
    { class: 'closes', id: 'voting-closes' },
    shell.t('common.closes', { day: formatDay(shell.lang, c.day), time: c.hm }),
  );
}

export function footer(shell: Shell): HTMLElement {
  const links: [PageKind, MessageKey][] = [
    ['booth', 'nav.booth'],
    ['find', 'nav.find'],
    ['check', 'nav.check'],
  ];
  return h(
    'footer',
    {},
    h(
      'nav',
      { 'aria-label': shell.t('nav.label') },
      h(
        'ul',
        { class: 'links' },
        links.map(([p, key]) =>
          h(
            'li',
            {},
            h(
              'a',
              {
                href: `${pageUrl(shell.election, p)}?lang=${shell.lang}`,
                'aria-current': p === shell.page ? 'page' : null,
              },
              shell.t(key),
            ),
          ),
        ),
      ),
    ),
    // A bundle other than the manifest's is said to every voter; the fingerprint itself is for observers.
    shell.manifestHash !== undefined && shell.manifestHash !== shell.bundleHash
      ? notice('warn', h('p', {}, shell.t('footer.manifestDiffers', { hash: shell.manifestHash })))
      : null,
    h(
      'details',
      { class: 'observers' },
      h('summary', {}, shell.t('footer.observers')),
      h(
        'p',
        { class: 'fingerprint' },
        shell.t('footer.code'),
        ' ',
        h('code', { class: 'hash', 'data-testid': 'bundle-hash' }, shell.bundleHash || '—'),
      ),
      shell.manifestHash !== undefined && shell.manifestHash === shell.bundleHash
        ? h('p', { class: 'muted small', id: 'manifest-same' }, shell.t('footer.manifestSame'))
        : null,
      h('p', { class: 'muted small' }, shell.t('footer.codeHint')),
    ),
  );
}

/** The id (or language button) that last had focus, restored when the page is redrawn. */
let lastFocus: string | null = null;
document.addEventListener('focusin', (e) => {
  const el = e.target as HTMLElement;
  lastFocus = el.dataset?.lang ? `[data-lang="${el.dataset.lang}"]` : el.id ? `#${CSS.escape(el.id)}` : null;
});

/**
 * Replace the page with header, `main` and footer. Focus goes to the step's heading (on a change of
 * step, so that a screen reader reads the new step) or back to the control that had it.
 */
export function mount(
  shell: Shell,
  parts: { header: Node[]; main: Node[]; focus: 'heading' | 'keep' },
): void {
  const keep = lastFocus;
  clear(shell.root);
  const main = h('main', { id: 'main' });
  append(main, parts.main);
  append(shell.root, [h('div', { class: 'top' }, parts.header), main, footer(shell)]);
  if (parts.focus === 'heading') {
    const heading = main.querySelector<HTMLElement>('h1, h2');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  } else if (keep) {
    shell.root.querySelector<HTMLElement>(keep)?.focus();
  }
}

/** A message box: role=alert for errors (read out at once), role=status for news. */
export function notice(kind: 'error' | 'ok' | 'info' | 'warn', ...children: (Node | string)[]): HTMLElement {
  return h(
    'div',
    { class: `notice ${kind}`, role: kind === 'error' || kind === 'warn' ? 'alert' : 'status' },
    ...children,
  );
}

/**
 * The top of every page: the language switch (which redraws the page), the booth's name, the
 * election. `compact` (the booth after its first step) keeps the switch and the district on one line.
 */
export function pageTop(
  shell: Shell,
  e: PublicElection | null,
  redraw: () => void,
  compact = false,
): HTMLElement[] {
  // A manifest from before the booth existed names no bundle: then the footer says nothing about it.
  const published = (e?.manifest as { booth?: { sha256?: string } } | undefined)?.booth?.sha256;
  if (published) shell.manifestHash = published;
  const langs = langSwitch(
    shell,
    (lang) => {
      setLang(shell, lang);
      redraw();
    },
    compact,
  );
  if (!compact) return [langs, h('p', { class: 'app-name' }, shell.t('app.title')), electionHeader(shell, e)];
  const district = (e?.manifest as { district?: Record<Lang, string> } | undefined)?.district?.[shell.lang];
  const top: HTMLElement[] = [
    h(
      'div',
      { class: 'compact-top' },
      h('p', { class: 'district' }, district ?? shell.t('app.title')),
      langs,
    ),
  ];
  if (e?.demo) top.push(h('p', { class: 'badge-demo small' }, shell.t('app.demo')));
  return top;
}

/** A form's main button; while busy it says so and stays focusable (aria-disabled, not disabled). */
export function submitButton(id: string, label: string, busy: boolean): HTMLButtonElement {
  return h(
    'button',
    { type: 'submit', class: 'button primary', id, 'aria-disabled': busy ? 'true' : null },
    label,
  );
}

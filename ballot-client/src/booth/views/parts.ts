/** What the booth's step views share: their context, error boxes, fields, the tracker, the choices. */
import type { PublicElection } from '../../index.ts';
import type { MessageKey } from '../catalog.ts';
import { h } from '../dom.ts';
import { formatDay, type Translate } from '../i18n.ts';
import { notice, votingHours, type Shell } from '../shell.ts';
import type { BoothEvent, FieldError, Problem, Session } from '../state.ts';
import { Code } from '@saylau/protocol/errors';

export interface ViewContext {
  shell: Shell;
  t: Translate;
  dispatch: (e: BoothEvent) => void;
  /** Start reading QR codes from this video (SPEC §10.14); the driver stops it when scanning ends. */
  attachCamera: (video: HTMLVideoElement) => void;
  /** Open "My record" (SPEC §10.14) over the voting steps; only the booth page has it. */
  openRecord?: () => void;
}

/** The button that opens "My record", where the page has it. */
export function recordButton(ctx: ViewContext): HTMLElement | null {
  const open = ctx.openRecord;
  if (!open) return null;
  return h(
    'button',
    { type: 'button', class: 'button secondary', id: 'open-record', onclick: () => open() },
    ctx.t('record.open'),
  );
}

/** The elements of a list that are there. */
export function present(list: (HTMLElement | null)[]): HTMLElement[] {
  return list.filter((x): x is HTMLElement => x !== null);
}

/** This page's origin: the server the booth came from. */
export function origin(): string {
  return location.origin;
}

/** The error messages the catalog has by code; other codes are shown as "error <code>". */
const KNOWN: readonly MessageKey[] = [
  'err.NETWORK',
  'err.NO_ELECTION',
  'err.BAD_LOGIN',
  'err.LOCKED',
  'err.BAD_IIN',
  'err.BAD_LOGIN_CODE',
  'err.RATE_LIMITED',
  'err.TOKEN_EXPIRED',
  'err.TOKEN_USED',
  'err.BAD_TOKEN',
  'err.UNKNOWN_CREDENTIAL',
  'err.NOT_YOUR_CREDENTIAL',
  'err.VERIFIER_UNAVAILABLE',
  'err.WORKER',
  'err.COMPLAINT_LIMIT',
];

function message(p: Problem, election: PublicElection | null, ctx: ViewContext): string {
  const { t } = ctx;
  if (p.refused) return t('err.REFUSED', { code: p.code });
  if (p.code === Code.NOT_OPEN) return t('err.NOT_OPEN', { hours: votingHours(ctx.shell, election) });
  if (p.code === Code.NO_TOKEN) return t('err.BAD_TOKEN');
  const key = `err.${p.code}` as MessageKey;
  if (KNOWN.includes(key)) return t(key);
  return t('err.OTHER', { code: p.code });
}

/** An error in the voter's language, with the button for what to do next. */
export function problemBox(
  p: Problem | null,
  election: PublicElection | null,
  ctx: ViewContext,
): HTMLElement | null {
  if (!p) return null;
  const action = p.action;
  return notice(
    'error',
    h('p', {}, message(p, election, ctx)),
    p.attemptsLeft === undefined
      ? ''
      : h('p', { id: 'attempts-left' }, h('strong', {}, ctx.t('signin.attemptsLeft', { n: p.attemptsLeft }))),
    action
      ? h(
          'button',
          { type: 'button', class: 'button', id: 'error-action', onclick: () => ctx.dispatch(action.event) },
          ctx.t(action.label),
        )
      : '',
  );
}

export function fieldErrorFor(fe: FieldError | null, field: string, t: Translate): HTMLElement | null {
  if (!fe || fe.field !== field) return null;
  return h('p', { id: `${field}-error`, class: 'field-error' }, t(fe.key, fe.vars));
}

/** A labelled text field with its hint and, after a mistake, its error. */
export function textInput(
  ctx: ViewContext,
  fe: FieldError | null,
  f: {
    id: string;
    label: MessageKey;
    hint: MessageKey;
    value: string;
    attrs: Record<string, string>;
    onInput: (v: string) => void;
  },
): HTMLElement {
  const err = fieldErrorFor(fe, f.id, ctx.t);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: f.id }, ctx.t(f.label)),
    h('p', { id: `${f.id}-hint`, class: 'hint' }, ctx.t(f.hint)),
    h('input', {
      id: f.id,
      name: f.id,
      value: f.value,
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': err ? `${f.id}-hint ${f.id}-error` : `${f.id}-hint`,
      'aria-invalid': err ? 'true' : null,
      oninput: (e: Event) => f.onInput((e.target as HTMLInputElement).value),
      ...f.attrs,
    }),
    err,
  );
}

/** The IIN and login code fields of a sign-in (SPEC §10.9.1); `prefix` keeps their ids apart. */
export function signinFields(
  ctx: ViewContext,
  fe: FieldError | null,
  f: { prefix: string; iin: string; code: string; onInput: (field: 'iin' | 'loginCode', v: string) => void },
): HTMLElement[] {
  return [
    textInput(ctx, fe, {
      id: `${f.prefix}iin`,
      label: 'signin.iin',
      hint: 'signin.iinHint',
      value: f.iin,
      attrs: { inputmode: 'numeric', maxlength: '14', pattern: '[0-9 ]*' },
      onInput: (value) => f.onInput('iin', value),
    }),
    textInput(ctx, fe, {
      id: `${f.prefix}login-code`,
      label: 'signin.code',
      hint: 'signin.codeHint',
      value: f.code,
      attrs: { autocapitalize: 'characters', maxlength: '40' },
      onInput: (value) => f.onInput('loginCode', value),
    }),
  ];
}

/**
 * A tracker's four groups in two pairs that never break inside: at 360 px it reads 2 + 2 lines,
 * never 3 + 1.
 */
export function trackerGroups(tracker: string): HTMLElement[] {
  const groups = tracker.split('-');
  const out: HTMLElement[] = [];
  for (let i = 0; i < groups.length; i += 2)
    out.push(
      h(
        'span',
        // A code, not words: the same in every language.
        { class: 'pair', translate: 'no' },
        groups.slice(i, i + 2).map((g) => h('span', { class: 'group' }, g)),
      ),
    );
  return out;
}

/** A tracker (SPEC §8.4) in four large groups, kept together in pairs. */
export function trackerView(tracker: string, label: MessageKey, id: string, t: Translate): HTMLElement {
  return h(
    'div',
    { class: 'tracker-box' },
    h('p', { class: 'label', id: `${id}-label` }, t(label)),
    h(
      'p',
      { class: 'tracker', id, 'aria-labelledby': `${id}-label ${id}`, 'data-tracker': tracker },
      trackerGroups(tracker),
    ),
  );
}

/** The route that nominated a candidate (SPEC §10.4), or what "against all" means. */
export function optionRoute(
  session: Session,
  optionId: string,
  kind: string,
  ctx: ViewContext,
): string | null {
  const { t, shell } = ctx;
  if (kind === 'against-all') return t('ballot.againstAllHint');
  const r = session.candidates.get(optionId)?.route;
  switch (r?.kind) {
    case 'public-association':
      return t('ballot.route.public-association', { name: r.name?.[shell.lang] ?? '' });
    case 'party':
      return t('ballot.route.party', { name: r.name?.[shell.lang] ?? '' });
    case 'citizen-assembly':
      return t('ballot.route.citizen-assembly', {
        place: r.place?.[shell.lang] ?? '',
        date: r.date ? formatDay(shell.lang, r.date) : '',
      });
    case 'self':
      return t('ballot.route.self');
    default:
      return null;
  }
}

/** The options chosen, one per contest, with their routes. */
export function chosenList(
  session: Session,
  choices: readonly (number | null)[],
  ctx: ViewContext,
): HTMLElement {
  return h(
    'ul',
    { class: 'chosen' },
    (session.election.contests ?? []).map((c, ci) => {
      const o = c.options[choices[ci] ?? -1];
      if (!o) return null;
      const route = optionRoute(session, o.id, o.kind, ctx);
      return h(
        'li',
        { 'data-option': o.id },
        h('strong', {}, o.names[ctx.shell.lang] ?? o.id),
        route ? h('span', { class: 'route' }, route) : null,
      );
    }),
  );
}

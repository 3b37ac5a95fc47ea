/**
 * The voting booth: sign in → credential code → ballot → review → encrypt (in the worker)
 * → cast, or audit and encrypt afresh (SPEC §8.5) → signed receipt. After a network failure the booth
 * asks the board by tracker whether the ballot arrived before it sends anything again (SPEC §10.9.2),
 * so a ballot is never cast twice.
 *
 * The state lives in this module's memory only: the credential code, the login code and the token
 * are never written to storage, and "Finish" forgets them.
 */
import { CryptoError, formatCredentialCode, parseCredentialCode, type BallotAuditJson } from '@saylau/crypto';
import {
  BallotClientError,
  castEncrypted,
  fetchElection,
  findBallot,
  login,
  verifyReceipt,
  type BallotStatus,
  type PublicElection,
  type SignedReceipt,
} from '../index.ts';
import type { EncryptResult, Stage } from '../worker/protocol.ts';
import { startScanner } from './camera.ts';
import { castRefusal } from './cast-refusal.ts';
import { fetchCandidates, type CandidateInfo } from './candidates.ts';
import type { Lang, MessageKey } from './catalog.ts';
import { credentialFeedback } from './credential-feedback.ts';
import { downloadLink, h } from './dom.ts';
import { formatDay } from './i18n.ts';
import { qrSvg } from './qr.ts';
import { mount, notice, pageTop, pageUrl, submitButton, votingHours, type Shell } from './shell.ts';
import { CryptoWorker, WorkerError } from './worker-client.ts';

type Step =
  | 'loading'
  | 'fatal'
  | 'closed'
  | 'signin'
  | 'credential'
  | 'ballot'
  | 'review'
  | 'encrypting'
  | 'cast'
  | 'casting'
  | 'audit'
  | 'network'
  | 'receipt'
  | 'finished';

interface ErrorView {
  key: MessageKey;
  vars?: Record<string, string | number>;
  /** What to do next: a button label and its action. */
  action?: { label: MessageKey; run: () => void };
}

interface State {
  step: Step;
  election: PublicElection | null;
  candidates: Map<string, CandidateInfo>;
  iin: string;
  loginCode: string;
  token: string | null;
  tokenExpires: number;
  credential: string;
  credentialTyped: string;
  choices: (number | null)[];
  built: EncryptResult | null;
  audit: { audit: BallotAuditJson; tracker: string } | null;
  stage: Stage | null;
  error: ErrorView | null;
  fieldError: { field: string; key: MessageKey; vars?: Record<string, string | number> } | null;
  net: 'checking' | 'offline' | 'notArrived' | 'arrived';
  receipt: { signed: SignedReceipt; valid: boolean; matches: boolean } | null;
  found: BallotStatus | null;
  busy: boolean;
  scanning: boolean;
  scanNote: MessageKey | null;
}

const STEP_NUMBER: Partial<Record<Step, number>> = {
  signin: 1,
  credential: 2,
  ballot: 3,
  review: 4,
  encrypting: 5,
  cast: 5,
  casting: 5,
  audit: 5,
  network: 5,
  receipt: 6,
};
const STEPS = 6;

function base(): string {
  return location.origin;
}

export function startBooth(shell: Shell): void {
  const worker = new CryptoWorker();
  const s: State = {
    step: 'loading',
    election: null,
    candidates: new Map(),
    iin: '',
    loginCode: '',
    token: null,
    tokenExpires: 0,
    credential: '',
    credentialTyped: '',
    choices: [],
    built: null,
    audit: null,
    stage: null,
    error: null,
    fieldError: null,
    net: 'checking',
    receipt: null,
    found: null,
    busy: false,
    scanning: false,
    scanNote: null,
  };
  const t = (key: MessageKey, vars?: Record<string, string | number>) => shell.t(key, vars);
  let scanStop: (() => void) | null = null;

  /** Move to a step (with the error to show there, if any) and focus its heading. */
  const go = (step: Step, error: ErrorView | null = null) => {
    s.error = error;
    s.fieldError = null;
    s.step = step;
    render('heading');
  };

  // ---------------------------------------------------------------- rendering

  function render(focus: 'heading' | 'keep' = 'keep'): void {
    const n = STEP_NUMBER[s.step];
    mount(shell, {
      header: pageTop(shell, s.election, () => render('keep')),
      main: [
        n ? h('p', { class: 'step-of muted' }, t('step.of', { n, total: STEPS })) : null,
        ...view(),
      ].filter((x): x is HTMLElement => x !== null),
      focus,
    });
  }

  function errorBox(): HTMLElement | null {
    const e = s.error;
    if (!e) return null;
    return notice(
      'error',
      h('p', {}, t(e.key, e.vars)),
      e.action
        ? h(
            'button',
            { type: 'button', class: 'button', id: 'error-action', onclick: e.action.run },
            t(e.action.label),
          )
        : '',
    );
  }

  function fieldErrorFor(field: string): HTMLElement | null {
    const f = s.fieldError;
    if (!f || f.field !== field) return null;
    return h('p', { id: `${field}-error`, class: 'field-error' }, t(f.key, f.vars));
  }

  function view(): HTMLElement[] {
    switch (s.step) {
      case 'loading':
        return [h('p', { role: 'status' }, t('app.loading'))];
      case 'fatal':
        return [h('h1', {}, t('common.error')), errorBox()!];
      case 'closed':
        return viewClosed();
      case 'signin':
        return viewSignin();
      case 'credential':
        return viewCredential();
      case 'ballot':
        return viewBallot();
      case 'review':
        return viewReview();
      case 'encrypting':
        return viewEncrypting();
      case 'cast':
      case 'casting':
        return viewCast();
      case 'audit':
        return viewAudit();
      case 'network':
        return viewNetwork();
      case 'receipt':
        return viewReceipt();
      case 'finished':
        return [
          h('h1', {}, t('receipt.finished')),
          h(
            'p',
            {},
            h('a', { href: `${pageUrl(shell.election, 'booth')}?lang=${shell.lang}` }, t('nav.booth')),
          ),
        ];
    }
  }

  function viewClosed(): HTMLElement[] {
    const status = s.election?.status;
    const over = status === 'closed' || status === 'finished';
    return [
      h('h1', {}, t('closed.heading')),
      notice('info', h('p', {}, t(over ? 'closed.over' : 'closed.notYet'))),
      h('p', {}, `${t('common.hours')}: ${votingHours(shell, s.election)}`),
      h('p', {}, h('a', { href: `${pageUrl(shell.election, 'find')}?lang=${shell.lang}` }, t('nav.find'))),
    ];
  }

  function input(
    id: string,
    label: MessageKey,
    hint: MessageKey,
    value: string,
    attrs: Record<string, string>,
    onInput: (v: string) => void,
  ): HTMLElement {
    const err = fieldErrorFor(id);
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id }, t(label)),
      h('p', { id: `${id}-hint`, class: 'hint' }, t(hint)),
      h('input', {
        id,
        name: id,
        value,
        autocomplete: 'off',
        spellcheck: 'false',
        'aria-describedby': err ? `${id}-hint ${id}-error` : `${id}-hint`,
        'aria-invalid': err ? 'true' : null,
        oninput: (e: Event) => onInput((e.target as HTMLInputElement).value),
        ...attrs,
      }),
      err,
    );
  }

  function viewSignin(): HTMLElement[] {
    const form = h(
      'form',
      { novalidate: true, onsubmit: (e: Event) => (e.preventDefault(), void signIn()) },
      input(
        'iin',
        'signin.iin',
        'signin.iinHint',
        s.iin,
        { inputmode: 'numeric', maxlength: '14', pattern: '[0-9 ]*' },
        (v) => (s.iin = v),
      ),
      input(
        'login-code',
        'signin.code',
        'signin.codeHint',
        s.loginCode,
        { autocapitalize: 'characters', maxlength: '40' },
        (v) => (s.loginCode = v),
      ),
      submitButton('signin-submit', t(s.busy ? 'signin.busy' : 'signin.submit'), s.busy),
    );
    return [h('h1', {}, t('signin.heading')), errorBox(), h('p', {}, t('signin.intro')), form].filter(
      (x): x is HTMLElement => x !== null,
    );
  }

  function viewCredential(): HTMLElement[] {
    const fb = credentialFeedback(s.credentialTyped);
    const submitError = s.fieldError?.field === 'credential' ? s.fieldError : null;
    const showError = fb.kind === 'error' || submitError !== null;
    const statusText = submitError ? t(submitError.key, submitError.vars) : t(fb.key, fb.vars);
    const status = h(
      'p',
      {
        id: 'credential-status',
        class: showError ? 'field-error' : fb.kind === 'ok' ? 'field-ok' : 'hint',
        'aria-live': 'polite',
      },
      statusText,
    );
    const field = h('input', {
      id: 'credential',
      name: 'credential',
      class: 'code',
      value: s.credentialTyped,
      autocomplete: 'off',
      autocapitalize: 'off',
      autocorrect: 'off',
      spellcheck: 'false',
      maxlength: '40',
      'aria-describedby': 'credential-hint credential-status credential-private',
      'aria-invalid': showError ? 'true' : null,
      oninput: (e: Event) => {
        s.credentialTyped = (e.target as HTMLInputElement).value;
        s.fieldError = null;
        const f = credentialFeedback(s.credentialTyped);
        status.textContent = t(f.key, f.vars);
        status.className = f.kind === 'error' ? 'field-error' : f.kind === 'ok' ? 'field-ok' : 'hint';
        field.setAttribute('aria-invalid', f.kind === 'error' ? 'true' : 'false');
      },
    });
    // Any browser with a camera: BarcodeDetector where present, else jsQR in the scan worker (camera.ts).
    const canScan = !!navigator.mediaDevices?.getUserMedia;
    const form = h(
      'form',
      { novalidate: true, onsubmit: (e: Event) => (e.preventDefault(), submitCredential()) },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'credential' }, t('cred.label')),
        h('p', { id: 'credential-hint', class: 'hint' }, t('cred.hint')),
        field,
        status,
      ),
      canScan ? scanner() : null,
      h('p', { id: 'credential-private', class: 'muted' }, t('cred.private')),
      h('button', { type: 'submit', class: 'button primary', id: 'credential-submit' }, t('common.continue')),
    );
    return [h('h1', {}, t('cred.heading')), errorBox(), h('p', {}, t('cred.intro')), form].filter(
      (x): x is HTMLElement => x !== null,
    );
  }

  /** Optional: read the letter's QR code with the camera (SPEC §10.14). */
  function scanner(): HTMLElement {
    const box = h('div', { class: 'scanner' });
    if (!s.scanning) {
      box.append(
        h(
          'button',
          { type: 'button', class: 'button secondary', id: 'scan', onclick: () => void startScan() },
          t('cred.scan'),
        ),
      );
      if (s.scanNote) box.append(h('p', { class: 'hint', role: 'status' }, t(s.scanNote)));
      return box;
    }
    const video = h('video', {
      id: 'scan-video',
      'aria-label': t('cred.scanVideo'),
      muted: true,
      playsinline: true,
    });
    box.append(
      h('p', { class: 'hint' }, t('cred.scanHint')),
      video,
      h(
        'button',
        { type: 'button', class: 'button secondary', id: 'scan', onclick: () => stopScan() },
        t('cred.scanStop'),
      ),
    );
    queueMicrotask(() => attachCamera(video));
    return box;
  }

  async function startScan(): Promise<void> {
    s.scanning = true;
    s.scanNote = null;
    render('keep');
    document.getElementById('scan')?.focus();
  }

  function stopScan(note: MessageKey | null = null): void {
    scanStop?.();
    scanStop = null;
    s.scanning = false;
    s.scanNote = note;
    render('keep');
    document.getElementById(note === 'cred.scanRead' ? 'credential' : 'scan')?.focus();
  }

  function attachCamera(video: HTMLVideoElement): void {
    scanStop?.();
    scanStop = startScanner(video, {
      onRead: (text) => {
        // As if typed (up to the field's maxlength): the check-character feedback (SPEC §7.1) follows.
        s.credentialTyped = text.slice(0, 40);
        s.fieldError = null;
        stopScan('cred.scanRead');
      },
      onFail: () => stopScan('cred.scanFailed'),
    });
  }

  function optionRoute(contestIndex: number, optionId: string, kind: string): string | null {
    if (kind === 'against-all') return t('ballot.againstAllHint');
    const c = s.candidates.get(optionId);
    if (!c || contestIndex < 0) return null;
    const r = c.route;
    switch (r.kind) {
      case 'public-association':
        return t('ballot.route.public-association', { name: r.name?.[shell.lang] ?? '' });
      case 'party':
        return t('ballot.route.party', { name: r.name?.[shell.lang] ?? '' });
      case 'citizen-assembly':
        return t('ballot.route.citizen-assembly', {
          place: r.place ?? '',
          date: r.date ? formatDay(shell.lang, r.date) : '',
        });
      case 'self':
        return t('ballot.route.self');
      default:
        return null;
    }
  }

  function contests() {
    return s.election?.contests ?? [];
  }

  function viewBallot(): HTMLElement[] {
    const form = h('form', {
      novalidate: true,
      onsubmit: (e: Event) => {
        e.preventDefault();
        if (s.choices.some((c) => c === null)) {
          s.fieldError = { field: 'ballot', key: 'ballot.none' };
          render('keep');
          document.querySelector<HTMLInputElement>('input[type=radio]')?.focus();
          return;
        }
        go('review');
      },
    });
    contests().forEach((c, ci) => {
      const question = (c as { question?: Record<Lang, string> }).question;
      const fs = h(
        'fieldset',
        { class: 'contest', 'aria-describedby': s.fieldError?.field === 'ballot' ? 'ballot-error' : null },
        h('legend', {}, question ? question[shell.lang] : t('ballot.legendCandidates')),
        h('p', { class: 'hint' }, t('ballot.one')),
      );
      c.options.forEach((o, oi) => {
        const id = `choice-${ci}-${oi}`;
        const route = optionRoute(ci, o.id, o.kind);
        fs.append(
          h(
            'div',
            { class: `option${o.kind === 'against-all' ? ' against-all' : ''}` },
            h('input', {
              type: 'radio',
              id,
              name: `contest-${ci}`,
              value: String(oi),
              'data-option': o.id,
              checked: s.choices[ci] === oi,
              'aria-describedby': route ? `${id}-route` : null,
              onchange: () => {
                s.choices[ci] = oi;
                s.fieldError = null;
                document.getElementById('ballot-error')?.remove();
              },
            }),
            h(
              'label',
              { for: id },
              h('span', { class: 'name' }, o.names[shell.lang] ?? o.id),
              route ? h('span', { class: 'route', id: `${id}-route` }, route) : null,
            ),
          ),
        );
      });
      form.append(fs);
    });
    form.append(
      ...[
        fieldErrorFor('ballot'),
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'submit', class: 'button primary', id: 'ballot-submit' }, t('common.continue')),
        ),
      ].filter((x): x is HTMLElement => x !== null),
    );
    return [h('h1', {}, t('ballot.heading')), form];
  }

  function chosenList(choices: readonly (number | null)[]): HTMLElement {
    return h(
      'ul',
      { class: 'chosen' },
      contests().map((c, ci) => {
        const o = c.options[choices[ci] ?? -1];
        if (!o) return null;
        const route = optionRoute(ci, o.id, o.kind);
        return h(
          'li',
          { 'data-option': o.id },
          h('strong', {}, o.names[shell.lang] ?? o.id),
          route ? h('span', { class: 'route' }, route) : null,
        );
      }),
    );
  }

  function viewReview(): HTMLElement[] {
    return [
      h('h1', {}, t('review.heading')),
      h('h2', { class: 'label' }, t('review.chosen')),
      chosenList(s.choices),
      h('p', { class: 'muted' }, t('review.note')),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { type: 'button', class: 'button primary', id: 'encrypt', onclick: () => void encrypt() },
          t('review.encrypt'),
        ),
        h(
          'button',
          { type: 'button', class: 'button secondary', id: 'change', onclick: () => go('ballot') },
          t('review.change'),
        ),
      ),
    ];
  }

  function viewEncrypting(): HTMLElement[] {
    const stages: Stage[] = ['params', 'keys', 'encrypt', 'done'];
    const at = s.stage ? stages.indexOf(s.stage) : -1;
    return [
      h('h1', {}, t('enc.heading')),
      h('progress', {
        max: String(stages.length - 1),
        value: String(Math.max(0, at)),
        'aria-label': t('enc.progress'),
      }),
      h(
        'ol',
        { class: 'stages', 'aria-live': 'polite' },
        stages.map((st, i) =>
          h(
            'li',
            { class: i < at ? 'done' : i === at ? 'current' : 'todo' },
            t(`enc.stage.${st}` as MessageKey),
          ),
        ),
      ),
    ];
  }

  function trackerView(tracker: string, label: MessageKey, id: string): HTMLElement {
    return h(
      'div',
      { class: 'tracker-box' },
      h('p', { class: 'label', id: `${id}-label` }, t(label)),
      h(
        'p',
        { class: 'tracker', id, 'aria-labelledby': `${id}-label ${id}`, 'data-tracker': tracker },
        tracker.split('-').map((g) => h('span', { class: 'group' }, g)),
      ),
    );
  }

  function viewCast(): HTMLElement[] {
    const built = s.built!;
    const casting = s.step === 'casting';
    return [
      h('h1', {}, t('cast.heading')),
      errorBox(),
      chosenList(built.audit.choices),
      trackerView(built.tracker, 'cast.tracker', 'tracker'),
      h('p', { class: 'muted' }, t('cast.trackerHint')),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'button primary',
            id: 'cast',
            'aria-disabled': casting ? 'true' : null,
            onclick: () => casting || void cast(),
          },
          t(casting ? 'cast.busy' : 'cast.cast'),
        ),
      ),
      casting ? h('p', { role: 'status', class: 'muted' }, t('cast.busy')) : null,
      h(
        'section',
        { class: 'audit-offer', 'aria-labelledby': 'audit-title' },
        h('h2', { id: 'audit-title' }, t('cast.auditTitle')),
        h('p', {}, t('cast.auditHint')),
        h(
          'button',
          {
            type: 'button',
            class: 'button secondary',
            id: 'audit',
            'aria-disabled': casting ? 'true' : null,
            onclick: () => casting || doAudit(),
          },
          t('cast.audit'),
        ),
      ),
    ].filter((x): x is HTMLElement => x !== null);
  }

  function viewAudit(): HTMLElement[] {
    const a = s.audit!;
    const json = JSON.stringify(a.audit, null, 1);
    const checkPath = pageUrl(shell.election, 'check');
    const fragment = `#audit=${base64url(JSON.stringify(a.audit))}`;
    const copied = h('span', { class: 'hint', role: 'status' });
    return [
      h('h1', {}, t('audit.heading')),
      notice('warn', h('p', {}, t('audit.intro'))),
      chosenList(a.audit.choices),
      trackerView(a.tracker, 'audit.tracker', 'audit-tracker'),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'audit-json' }, t('audit.data')),
        h('textarea', { id: 'audit-json', readonly: true, rows: '6', class: 'code' }, json),
      ),
      h(
        'div',
        { class: 'actions' },
        downloadLink(`saylau-audit-${a.tracker}.json`, json, t('audit.download')),
        h(
          'button',
          {
            type: 'button',
            class: 'button secondary',
            id: 'audit-copy',
            onclick: () => {
              const area = document.getElementById('audit-json') as HTMLTextAreaElement;
              const done = () => (copied.textContent = t('audit.copied'));
              // Without the clipboard API (http, old browsers) the text is selected for copying by hand.
              const byHand = () => {
                area.select();
                done();
              };
              if (navigator.clipboard) void navigator.clipboard.writeText(json).then(done, byHand);
              else byHand();
            },
          },
          t('audit.copy'),
        ),
        copied,
        h(
          'a',
          {
            class: 'button secondary',
            id: 'audit-check-here',
            href: `${checkPath}?lang=${shell.lang}${fragment}`,
            target: '_blank',
            rel: 'noopener',
          },
          t('audit.checkHere'),
        ),
      ),
      h('p', {}, t('audit.checkOther'), ' ', h('code', { class: 'hash' }, `${base()}${checkPath}`)),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { type: 'button', class: 'button primary', id: 'encrypt-again', onclick: () => void encrypt() },
          t('audit.again'),
        ),
      ),
    ];
  }

  function viewNetwork(): HTMLElement[] {
    const out: (HTMLElement | null)[] = [h('h1', {}, t('net.heading')), h('p', {}, t('net.lost'))];
    const built = s.built;
    if (built) out.push(trackerView(built.tracker, 'cast.tracker', 'tracker'));
    switch (s.net) {
      case 'checking':
        out.push(h('p', { role: 'status' }, t('net.checking')));
        break;
      case 'offline':
        out.push(
          notice('error', h('p', {}, t('net.offline'))),
          h(
            'button',
            {
              type: 'button',
              class: 'button primary',
              id: 'net-check',
              onclick: () => void afterNetworkFailure(),
            },
            t('net.check'),
          ),
        );
        break;
      case 'notArrived':
        out.push(
          notice('info', h('p', {}, t('net.notArrived'))),
          h(
            'button',
            { type: 'button', class: 'button primary', id: 'net-send', onclick: () => void cast() },
            t('net.send'),
          ),
        );
        break;
      case 'arrived':
        out.push(notice('ok', h('p', {}, t('net.arrived'))), errorBox());
        break;
    }
    return out.filter((x): x is HTMLElement => x !== null);
  }

  function viewReceipt(): HTMLElement[] {
    const r = s.receipt;
    const tracker = r?.signed.receipt.tracker ?? s.found?.tracker ?? s.built?.tracker ?? '';
    const seq = r?.signed.receipt.seq ?? s.found?.seq;
    const findUrl = `${base()}${pageUrl(shell.election, 'find')}?tracker=${encodeURIComponent(tracker)}`;
    return [
      h('h1', {}, t('receipt.heading')),
      errorBox(),
      trackerView(tracker, 'receipt.tracker', 'receipt-tracker'),
      seq !== undefined ? h('p', {}, t('receipt.seq', { seq })) : null,
      r
        ? r.valid && r.matches
          ? notice('ok', h('p', {}, t('receipt.signed')))
          : notice('warn', h('p', {}, t(r.matches ? 'receipt.badSignature' : 'err.RECEIPT_MISMATCH')))
        : null,
      h('div', { class: 'qr-box' }, qrSvg(findUrl, t('receipt.qr'))),
      h(
        'div',
        { class: 'actions' },
        r
          ? downloadLink(
              `saylau-receipt-${tracker}.json`,
              JSON.stringify(r.signed, null, 1),
              t('receipt.download'),
            )
          : null,
        h(
          'a',
          {
            class: 'button secondary',
            id: 'receipt-find',
            href: `${pageUrl(shell.election, 'find')}?tracker=${encodeURIComponent(tracker)}&lang=${shell.lang}`,
          },
          t('receipt.find'),
        ),
      ),
      h('p', {}, t('receipt.keep')),
      h(
        'section',
        { class: 'revote', 'aria-labelledby': 'revote-title' },
        h('h2', { id: 'revote-title' }, t('receipt.revoteTitle')),
        h('p', {}, t('receipt.revote')),
      ),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { type: 'button', class: 'button secondary', id: 'finish', onclick: () => finish() },
          t('receipt.finish'),
        ),
      ),
    ].filter((x): x is HTMLElement => x !== null);
  }

  // ---------------------------------------------------------------- actions

  function errorView(e: unknown, fallbackAction?: ErrorView['action']): ErrorView {
    const code = e instanceof BallotClientError ? e.code : e instanceof WorkerError ? 'WORKER' : 'OTHER';
    const known: MessageKey[] = [
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
    ];
    if (code === 'NOT_OPEN')
      return { key: 'err.NOT_OPEN', vars: { hours: votingHours(shell, s.election) }, action: fallbackAction };
    if (code === 'NO_TOKEN') return { key: 'err.BAD_TOKEN', action: fallbackAction };
    const key = `err.${code}` as MessageKey;
    if (known.includes(key)) return { key, action: fallbackAction };
    return { key: 'err.OTHER', vars: { code }, action: fallbackAction };
  }

  async function signIn(): Promise<void> {
    if (s.busy) return;
    const iin = s.iin.replace(/\s/g, '');
    s.fieldError = null;
    s.error = null;
    if (!/^\d{12}$/.test(iin)) {
      s.fieldError = { field: 'iin', key: 'signin.iinInvalid' };
      render('keep');
      document.getElementById('iin')?.focus();
      return;
    }
    if (s.loginCode.trim() === '') {
      s.fieldError = { field: 'login-code', key: 'signin.codeEmpty' };
      render('keep');
      document.getElementById('login-code')?.focus();
      return;
    }
    s.busy = true;
    render('keep');
    try {
      await freshToken();
      s.busy = false;
      // After a token problem at casting time the encrypted ballot is kept: go back to casting it.
      if (s.built) go('cast');
      else go(s.credential ? 'ballot' : 'credential');
    } catch (e) {
      s.busy = false;
      s.error = errorView(e);
      render('keep');
      const code = e instanceof BallotClientError ? e.code : '';
      const field =
        code === 'BAD_LOGIN_CODE' ? 'login-code' : ['BAD_IIN', 'BAD_LOGIN'].includes(code) ? 'iin' : null;
      focusNotice(field);
    }
  }

  /** After an error: focus the field to correct, else the error itself (it is also announced). */
  function focusNotice(field: string | null): void {
    const el = field ? document.getElementById(field) : null;
    if (el) return el.focus();
    const box = document.querySelector<HTMLElement>('.notice.error');
    if (box) {
      box.tabIndex = -1;
      box.focus();
    }
  }

  async function freshToken(): Promise<string> {
    const session = await login(base(), shell.election, s.iin.replace(/\s/g, ''), s.loginCode);
    s.token = session.token;
    s.tokenExpires = session.expiresAt ? Date.parse(session.expiresAt) : Date.now() + 14 * 60_000;
    return session.token;
  }

  /** A token that is not known to be used or expired; signs in again (codes kept in memory) if needed. */
  async function token(): Promise<string> {
    if (s.token && Date.now() < s.tokenExpires - 30_000) return s.token;
    return freshToken();
  }

  function submitCredential(): void {
    try {
      const parsed = parseCredentialCode(s.credentialTyped);
      s.credential = parsed.code;
      s.credentialTyped = formatCredentialCode(parsed);
      if (s.choices.length !== contests().length) s.choices = contests().map(() => null);
      stopScanQuietly();
      go('ballot');
    } catch (e) {
      if (!(e instanceof CryptoError)) throw e;
      const fb = credentialFeedback(s.credentialTyped);
      s.fieldError = {
        field: 'credential',
        key: fb.kind === 'count' ? 'cred.tooShort' : fb.key,
        vars: fb.vars,
      };
      render('keep');
      document.getElementById('credential')?.focus();
    }
  }

  function stopScanQuietly(): void {
    scanStop?.();
    scanStop = null;
    s.scanning = false;
  }

  async function encrypt(): Promise<void> {
    s.audit = null;
    s.built = null;
    s.stage = null;
    go('encrypting');
    try {
      const choices = s.choices.map((c) => c ?? -1);
      s.built = await worker.encrypt(s.election!.params, shell.election, s.credential, choices, (stage) => {
        s.stage = stage;
        render('keep');
      });
      go('cast');
    } catch (e) {
      go('review', errorView(e, { label: 'err.encryptAgain', run: () => void encrypt() }));
    }
  }

  /** Benaloh audit (SPEC §8.5): reveal this ballot's randomness; it is discarded and never cast. */
  function doAudit(): void {
    const built = s.built!;
    s.audit = { audit: built.audit, tracker: built.tracker };
    s.built = null;
    go('audit');
  }

  async function showReceipt(signed: SignedReceipt): Promise<void> {
    const built = s.built!;
    const serverKey = s.election!.manifest.serverKey;
    s.receipt = {
      signed,
      valid: verifyReceipt(signed.receipt, signed.signature, serverKey),
      matches: signed.receipt.tracker === built.tracker && signed.receipt.election === shell.election,
    };
    s.token = null;
    go('receipt');
  }

  /**
   * Cast the encrypted ballot. A refused request writes nothing (SPEC §10.9.2), so after a refusal
   * the same ballot may be sent again; after no answer, the board is asked first (afterNetworkFailure).
   */
  async function cast(retried = false): Promise<void> {
    const built = s.built!;
    if (!(s.step === 'network' && s.net === 'arrived')) go('casting');
    let tok: string;
    try {
      tok = await token();
    } catch (e) {
      return castError(e, retried);
    }
    try {
      // Signed only now, with the board head fetched just before sending (SPEC §8.2).
      const { signed } = await castEncrypted(base(), shell.election, tok, built.ballot, s.credential, {
        serverKeyHex: s.election!.manifest.serverKey,
      });
      await showReceipt(signed);
    } catch (e) {
      return castError(e, retried);
    }
  }

  async function castError(e: unknown, retried: boolean): Promise<void> {
    const again = { label: 'common.tryAgain' as MessageKey, run: () => void cast() };
    if (!(e instanceof BallotClientError)) return go('cast', errorView(e, again));
    if (e.code === 'ALREADY_CAST') {
      // The ballot is on the board already (an answer was lost): the original signed receipt.
      const d = e.details as { receipt?: SignedReceipt['receipt']; signature?: string } | undefined;
      if (d?.receipt && d.signature) return showReceipt({ receipt: d.receipt, signature: d.signature });
    }
    // castEncrypted has signed once more after a stale anchor already.
    switch (castRefusal({ code: e.code, status: e.status }, { tokenRetried: retried, anchorRetried: true })) {
      case 'askBoard':
        return afterNetworkFailure();
      case 'newToken':
        s.token = null;
        // Sign in again with the codes kept in memory and try once more with a fresh token.
        return cast(true);
      case 'signinAgain':
        s.token = null;
        return go('cast', errorView(e, { label: 'err.signinAgain', run: () => go('signin') }));
      case 'signin':
        // The silent sign-in failed (a reissued login code, say): the voter signs in again.
        return go('signin', errorView(e));
      case 'credentialAgain':
        s.built = null;
        s.credential = '';
        return go('fatal', errorView(e, { label: 'err.credentialAgain', run: () => go('credential') }));
      case 'encryptAgain':
        s.built = null;
        return go('fatal', {
          key: 'err.REFUSED',
          vars: { code: e.code },
          action: { label: 'err.encryptAgain', run: () => void encrypt() },
        });
      default:
        return go('cast', errorView(e, again));
    }
  }

  /** No answer to a cast: ask the board whether the ballot arrived before sending anything again. */
  async function afterNetworkFailure(): Promise<void> {
    const built = s.built!;
    s.net = 'checking';
    if (s.step !== 'network') go('network');
    else render('keep');
    try {
      s.found = await findBallot(base(), shell.election, built.tracker);
    } catch (e) {
      s.net = e instanceof BallotClientError && e.code === 'NO_BALLOT' ? 'notArrived' : 'offline';
      render('heading');
      return;
    }
    // It arrived. The token that carried it is used; a new one fetches the original signed receipt
    // (409 ALREADY_CAST with the receipt, writing nothing).
    s.net = 'arrived';
    s.token = null;
    render('heading');
    await cast();
  }

  function finish(): void {
    s.iin = '';
    s.loginCode = '';
    s.token = null;
    s.credential = '';
    s.credentialTyped = '';
    s.choices = [];
    s.built = null;
    s.audit = null;
    s.receipt = null;
    s.found = null;
    go('finished');
  }

  // ---------------------------------------------------------------- start

  render('keep');
  void (async () => {
    try {
      const [election, candidates] = await Promise.all([
        fetchElection(base(), shell.election),
        fetchCandidates(shell.election).catch(() => []),
      ]);
      s.election = election;
      for (const c of candidates) s.candidates.set(c.id, c);
      s.choices = (election.contests ?? []).map(() => null);
      if (election.status !== 'open' || !election.params || !election.contests) {
        go('closed');
        return;
      }
      void worker.warm(election.params).catch(() => undefined);
      go('signin');
    } catch (e) {
      go('fatal', errorView(e, { label: 'common.tryAgain', run: () => location.reload() }));
    }
  })();
}

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

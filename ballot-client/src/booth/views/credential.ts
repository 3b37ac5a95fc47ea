/**
 * Step 2, the credential code (SPEC §7.1): typed, with the check characters verified as it is typed,
 * or read from the letter's QR code with the camera (SPEC §10.14).
 */
import { credentialFeedback, type CredentialFeedback } from '../credential-feedback.ts';
import { h } from '../dom.ts';
import type { StateAt } from '../state.ts';
import { present, recordButton, type ViewContext } from './parts.ts';

const statusClass = (kind: CredentialFeedback['kind'], error: boolean) =>
  error ? 'field-error' : kind === 'ok' ? 'field-ok' : 'hint';

export function credentialView(s: StateAt<'credential'>, ctx: ViewContext): HTMLElement[] {
  const { t, dispatch } = ctx;
  const fb = credentialFeedback(s.session.credentialTyped);
  const submitError = s.fieldError?.field === 'credential' ? s.fieldError : null;
  const showError = fb.kind === 'error' || submitError !== null;
  const status = h(
    'p',
    { id: 'credential-status', class: statusClass(fb.kind, showError), 'aria-live': 'polite' },
    submitError ? t(submitError.key, submitError.vars) : t(fb.key, fb.vars),
  );
  const field = h('input', {
    id: 'credential',
    name: 'credential',
    class: 'code',
    value: s.session.credentialTyped,
    autocomplete: 'off',
    autocapitalize: 'off',
    autocorrect: 'off',
    spellcheck: 'false',
    maxlength: '40',
    'aria-describedby': 'credential-hint credential-status credential-private',
    'aria-invalid': showError ? 'true' : null,
    oninput: (e: Event) => {
      const value = (e.target as HTMLInputElement).value;
      dispatch({ type: 'input', field: 'credential', value });
      // Updated in place, not redrawn: the caret stays where the voter types.
      const f = credentialFeedback(value);
      status.textContent = t(f.key, f.vars);
      status.className = statusClass(f.kind, f.kind === 'error');
      field.setAttribute('aria-invalid', f.kind === 'error' ? 'true' : 'false');
    },
  });
  // Any browser with a camera: BarcodeDetector where present, else jsQR in the scan worker (camera.ts).
  const canScan = !!navigator.mediaDevices?.getUserMedia;
  const form = h(
    'form',
    {
      novalidate: true,
      onsubmit: (e: Event) => (e.preventDefault(), dispatch({ type: 'submitCredential' })),
    },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'credential' }, t('cred.label')),
      h('p', { id: 'credential-hint', class: 'hint' }, t('cred.hint')),
      field,
      status,
    ),
    canScan ? scanner(s, ctx) : null,
    h('p', { id: 'credential-private', class: 'muted' }, t('cred.private')),
    h('button', { type: 'submit', class: 'button primary', id: 'credential-submit' }, t('common.continue')),
  );
  return present([h('h1', {}, t('cred.heading')), h('p', {}, t('cred.intro')), form, recordButton(ctx)]);
}

/** Optional: read the letter's QR code with the camera (SPEC §10.14). */
function scanner(s: StateAt<'credential'>, ctx: ViewContext): HTMLElement {
  const { t, dispatch } = ctx;
  const box = h('div', { class: 'scanner' });
  if (!s.scanning) {
    box.append(
      h(
        'button',
        {
          type: 'button',
          class: 'button secondary',
          id: 'scan',
          onclick: () => dispatch({ type: 'startScan' }),
        },
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
      {
        type: 'button',
        class: 'button secondary',
        id: 'scan',
        onclick: () => dispatch({ type: 'stopScan' }),
      },
      t('cred.scanStop'),
    ),
  );
  // Once the video is in the page.
  queueMicrotask(() => ctx.attachCamera(video));
  return box;
}

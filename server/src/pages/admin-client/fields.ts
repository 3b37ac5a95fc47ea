/**
 * A field's own checks, as it is typed: the same rules the server applies, so that a refusal is
 * seen before sending. The IIN rule is the server's module, bundled in (SPEC §10.3.2, R8).
 */
import { parseIin } from '../../roll/iin.ts';
import { find, S } from './page.ts';

export type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const iinError = (v: string) => {
  const r = parseIin(v);
  return r.ok ? null : `iin.${r.error}`;
};

/** A field in a hidden step or disabled is not sent, so not checked. */
const active = (f: Field) => !f.closest('[hidden]') && !f.disabled;

/** The string key of what is wrong with the field, or null. */
export function fieldError(f: Field): string | null {
  if (!active(f)) return null;
  const box = f instanceof HTMLInputElement ? f : null;
  const v = box?.type === 'file' ? (box.files?.length ? 'x' : '') : (f.value || '').trim();
  if (box?.type === 'checkbox') return box.required && !box.checked ? 'mustAttest' : null;
  if (f.required && v === '') return 'required';
  if (v === '') return null;
  if (f.dataset.iin !== undefined) return iinError(v);
  if (f.dataset.electionId !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(v)) return 'badId';
  if (f.dataset.userName !== undefined && !/^[a-z0-9][a-z0-9._-]{1,31}$/.test(v)) return 'badUserName';
  if (box?.type === 'number') {
    if (!/^-?[0-9]+$/.test(v)) return 'number';
    const n = Number(v);
    if ((box.min !== '' && n < Number(box.min)) || (box.max !== '' && n > Number(box.max))) return 'range';
  }
  if (!(f instanceof HTMLSelectElement) && f.maxLength > 0 && v.length > f.maxLength) return 'tooLong';
  return null;
}

/** The message in the field's slot (`<id>-error`), and aria-invalid for screen readers. */
export function showError(f: Field, key: string | null): void {
  const slot = find(`${f.id}-error`);
  if (slot) slot.textContent = key ? S[key] || key : '';
  f.setAttribute('aria-invalid', key ? 'true' : 'false');
}

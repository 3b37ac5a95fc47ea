/**
 * The page's forms: each checked as it is typed (touched fields only) and whole on submit, then
 * sent by its section's handler; values read trimmed.
 */
import type { Names } from './api.ts';
import { act } from './act.ts';
import { fieldError, showError, type Field } from './fields.ts';
import { find, input, notice, S } from './page.ts';

/** Form-level rules (calendar order, assembly minutes, self-nomination) as [field, key] pairs. */
export const formRules = new Map<string, () => [Field, string][]>();

/** The first field in error, with every message shown (`all`) or those of touched fields. */
function validateForm(form: HTMLFormElement, all: boolean): Field | null {
  let first: Field | null = null;
  const fields = Array.from(form.querySelectorAll<Field>('input, textarea, select')).filter((i) => i.id);
  for (const i of fields) {
    if (!all && !i.dataset.touched) continue;
    const key = fieldError(i);
    showError(i, key);
    if (key && !first) first = i;
  }
  const rules = formRules.get(form.id);
  if (rules)
    for (const [f, key] of rules()) {
      if (!all && !f.dataset.touched) continue;
      if (!fieldError(f)) showError(f, key);
      if (!first) first = f;
    }
  return first;
}

/** Check the form `id` (when the page has it) as it changes; on a clean submit, run `onSubmit`. */
export function watch(id: string, onSubmit: (form: HTMLFormElement) => Promise<void>): void {
  const form = find(id) as HTMLFormElement | null;
  if (!form) return;
  const touch = (e: Event) => {
    if (e.target instanceof HTMLElement && e.target.id) e.target.dataset.touched = '1';
    validateForm(form, false);
  };
  form.addEventListener('input', touch);
  form.addEventListener('change', touch);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const bad = validateForm(form, true);
    if (bad) {
      // The notice above must not still say an earlier action was done.
      notice(S.fixFields, 'error');
      bad.focus();
      return;
    }
    act(form.querySelector<HTMLButtonElement>('button[type="submit"]'), () => onSubmit(form));
  });
}

export const val = (id: string) => (input(id).value || '').trim();
export const names = (prefix: string): Names => ({
  kk: val(`${prefix}-kk`),
  ru: val(`${prefix}-ru`),
  en: val(`${prefix}-en`),
});
export const int = (id: string) => Number(val(id));

/** Where focus goes once a state is drawn (state.ts `After`), beyond the heading and the kept control. */
import type { After } from '../state.ts';

export function focusAfter(after: After): void {
  if (typeof after !== 'object') return;
  if ('focus' in after) {
    // The ballot has no one field: its first option.
    const el =
      after.focus === 'ballot'
        ? document.querySelector<HTMLInputElement>('input[type=radio]')
        : document.getElementById(after.focus);
    el?.focus();
    return;
  }
  // An error: the field to correct, else the error itself (it is also announced).
  const field = after.notice ? document.getElementById(after.notice) : null;
  if (field) return field.focus();
  const box = document.querySelector<HTMLElement>('.notice.error');
  if (box) {
    box.tabIndex = -1;
    box.focus();
  }
}

import { explain } from './explain.ts';
import { actingFrom, find, notice, S } from './page.ts';

/** Run an action with its button disabled, showing progress and then the outcome. */
export async function act(button: HTMLButtonElement | null, fn: () => Promise<void>): Promise<void> {
  if (button) button.disabled = true;
  actingFrom(button);
  notice(S.working);
  try {
    await fn();
  } catch (e) {
    notice(explain(e), 'error');
  } finally {
    if (button) button.disabled = false;
  }
}

/** The button `id`, when this status of the election shows it, runs `fn` as an action. */
export function button(id: string, fn: () => Promise<void>): void {
  const b = find(id) as HTMLButtonElement | null;
  if (b) b.addEventListener('click', () => act(b, fn));
}

/**
 * What the server put in the page (its language, the script's strings, the election) and the
 * page-wide notice every section reports to.
 */
import { formatText, type Params } from '@saylau/protocol/catalog';
import type { Lang } from '@saylau/protocol/lang';
import type { RefusalKey } from '@saylau/protocol/refusals';
import type { AdminKey, ClientKey } from '../admin-catalog.ts';

const body = document.body;
type Key = AdminKey | ClientKey | RefusalKey;

export const lang = (body.dataset.lang || 'kk') as Lang;
/** The catalog's strings in this language, with every refusal's (`err.CODE`); a key built at run time may be missing. */
export const S = JSON.parse(body.dataset.strings || '{}') as Record<Key, string> &
  Partial<Record<string, string>>;
export const election = body.dataset.election ?? '';

/** A text of S with its values filled in, each count in the plural form this language gives it. */
export const say = (text: string, params: Params): string => formatText(text, lang, params);

/** An element every page of this kind has. */
export const $ = (id: string) => document.getElementById(id) as HTMLElement;
/** An element present only in some statuses of the election (a step's form or state). */
export const find = (id: string) => document.getElementById(id);
export const input = (id: string) => $(id) as HTMLInputElement;

/** Show `content` (a text, or a refusal as `explain` builds it) in the page-wide notice. */
export function notice(content: string | Node, kind: 'info' | 'error' = 'info'): void {
  const n = find('notice');
  if (!n) return;
  n.replaceChildren(content);
  n.className = `notice ${kind}`;
  n.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

const FLASH = 'saylau.flash';
/** The step card of the last action, kept open over the reload that follows it so its outcome shows. */
const OPEN = 'saylau.open';
let actingIn: string | null = null;

/** The action about to run is `control`'s: remember its step card. */
export function actingFrom(control: Element | null): void {
  actingIn = control?.closest('details.step')?.id ?? null;
}

/** Reload the page (its HTML follows the election's status) and show `text` there. */
export function reloadWith(text: string): void {
  flashNext(text);
  location.reload();
}

/** The election moved on once `call` succeeds: draw the page again for its new status. */
export async function reloadAfter(call: Promise<unknown>): Promise<void> {
  await call;
  reloadWith(S.done);
}

/** A notice for the next page this tab opens. */
export function flashNext(text: string): void {
  sessionStorage.setItem(FLASH, text);
  if (actingIn) sessionStorage.setItem(OPEN, actingIn);
}

/** The notice left by the page before, once; the card it was acted in is opened again. */
export function takeFlash(): string | null {
  const flash = sessionStorage.getItem(FLASH);
  const open = sessionStorage.getItem(OPEN);
  sessionStorage.removeItem(FLASH);
  sessionStorage.removeItem(OPEN);
  const card = open ? find(open) : null;
  if (card instanceof HTMLDetailsElement) card.open = true;
  return flash;
}

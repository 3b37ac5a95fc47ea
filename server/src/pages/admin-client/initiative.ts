/** A referendum's initiative (SPEC §10.1.2): the kind chosen shows its fields; refused signers are listed. */
import { ApiError, recordInitiative } from './api.ts';
import { el } from './dom.ts';
import type { Field } from './fields.ts';
import { formRules, int, names, val, watch } from './forms.ts';
import { $, election, find, input, reloadWith, S } from './page.ts';

function body(kind: string): Record<string, unknown> {
  if (kind === 'signatures') return { kind, iins: val('ini-iins').split(/\s+/).filter(Boolean) };
  return {
    kind,
    date: val('ini-date'),
    place: names('ini-place'),
    attendance: int('ini-attendance'),
    votesFor: int('ini-votes'),
    chairIin: val('ini-chair'),
  };
}

/** §10.1.2: the profile's quorum (shown on the page) and a majority of those present. */
function rules(kind: string): [Field, string][] {
  if (kind !== 'citizen-assembly' || !val('ini-attendance')) return [];
  const out: [Field, string][] = [];
  if (int('ini-attendance') < Number($('ini-quorum').textContent))
    out.push([input('ini-attendance'), 'quorum']);
  if (val('ini-votes') && 2 * int('ini-votes') <= int('ini-attendance'))
    out.push([input('ini-votes'), 'majority']);
  return out;
}

function report(invalid: { index: number; reason: string }[]): void {
  $('initiative-report').replaceChildren(
    el('p', {}, `${S.invalidSignatures}: ${invalid.length}`),
    el(
      'ul',
      {},
      ...invalid.map((x) => el('li', { text: `#${x.index + 1}: ${S[`sig.${x.reason}`] || x.reason}` })),
    ),
  );
}

export function initInitiative(): void {
  const select = find('ini-kind') as HTMLSelectElement | null;
  if (!select) return;
  const show = () => {
    for (const box of Array.from(document.querySelectorAll<HTMLElement>('#initiative [data-kind]')))
      box.hidden = box.dataset.kind !== select.value;
  };
  select.addEventListener('change', show);
  show();
  formRules.set('initiative', () => rules(select.value));
  watch('initiative', async () => {
    try {
      const r = await recordInitiative(election, body(select.value));
      reloadWith(r.invalid.length > 0 ? `${S.done} ${S.invalidSignatures}: ${r.invalid.length}` : S.done);
    } catch (e) {
      // Too few valid signers: list the refused ones here, and only the counts in the notice.
      const d = e instanceof ApiError ? (e.details as Record<string, unknown> | undefined) : undefined;
      if (!(e instanceof ApiError) || !d || !Array.isArray(d.invalid)) throw e;
      report(d.invalid as { index: number; reason: string }[]);
      throw new ApiError(e.message, e.code, e.status, { valid: d.valid, threshold: d.threshold });
    }
  });
}

/**
 * The complaints on the board (SPEC §10.9.5, §10.15): each id, subject and filing time with its
 * answer, those without one marked open. Only what the board holds; never a text of a complaint.
 */
import type { ServerContext } from '../context.ts';
import type { Election } from '../elections/store.ts';
import type { Lang } from '@saylau/protocol/lang';
import { formatTime } from '@saylau/protocol/dates';
import { html, type Html } from './html.ts';
import { o } from './catalog.ts';

export function complaintsSection(ctx: ServerContext, e: Election, lang: Lang): Html {
  if (!['open', 'closed', 'finished'].includes(e.status)) return html``;
  const complaints = ctx.board.ofType(e.id, 'complaint').map((x) => x.payload);
  const answers = new Map(
    ctx.board.ofType(e.id, 'complaint-answer').map((x) => [x.payload.complaint, x.payload]),
  );
  const col = (k: Parameters<typeof o>[1]) => o(lang, k);
  return html`<section id="complaints">
    <h2>${col('complaints')}</h2>
    <p class="muted">${col('complaintsNote')}</p>
    ${
      complaints.length === 0
        ? html`<p>${col('complaints.none')}</p>`
        : html`<table class="complaints stack">
            <thead>
              <tr>
                <th>${col('complaints.id')}</th>
                <th>${col('complaints.about')}</th>
                <th>${col('complaints.filedAt')}</th>
                <th>${col('complaints.answer')}</th>
              </tr>
            </thead>
            <tbody>
              ${complaints.map((c) => {
                const a = answers.get(c.id);
                return html`<tr data-complaint="${c.id}" data-state="${a ? 'answered' : 'open'}">
                  <td data-label="${col('complaints.id')}">${c.id}</td>
                  <td data-label="${col('complaints.about')}">${o(lang, `about.${c.about}`)}</td>
                  <td data-label="${col('complaints.filedAt')}">${formatTime(lang, c.filedAt)}</td>
                  <td data-label="${col('complaints.answer')}">
                    ${
                      a
                        ? html`<strong>${o(lang, `decision.${a.decision}`)}</strong>
                            (${formatTime(lang, a.answeredAt)}): ${a.text}`
                        : html`<span class="muted">${col('complaints.open')}</span>`
                    }
                  </td>
                </tr>`;
              })}
            </tbody>
          </table>`
    }
  </section>`;
}

/** "Find my ballot": look a tracker up on the board (SPEC §10.9.2, tracker lookup). */
import { normaliseTracker } from '@saylau/crypto';
import {
  BallotClientError,
  fetchElection,
  findBallot,
  type BallotStatus,
  type PublicElection,
} from '../index.ts';
import type { MessageKey } from './catalog.ts';
import { h } from './dom.ts';
import { mount, notice, pageTop, submitButton, type Shell } from './shell.ts';
import { trackerGroups } from './views/parts.ts';
import { Code } from '@saylau/protocol/errors';

type Outcome = { kind: 'found'; status: BallotStatus } | { kind: 'error'; key: MessageKey; code?: string };

/** A text whose `{name}` is a code: the code in its own element, marked not to be translated. */
function withCode(text: string, name: string, code: string): (string | HTMLElement)[] {
  const [before, ...rest] = text.split(`{${name}}`);
  return rest.length ? [before!, h('span', { translate: 'no' }, code), rest.join(code)] : [text];
}

export function startFind(shell: Shell): void {
  let election: PublicElection | null = null;
  let tracker = new URLSearchParams(location.search).get('tracker') ?? '';
  let busy = false;
  let outcome: Outcome | null = null;
  const tr: Shell['t'] = (k, v) => shell.t(k, v);

  function result(): HTMLElement | null {
    if (!outcome) return null;
    if (outcome.kind === 'error')
      return notice(
        'error',
        h('p', { id: 'find-result' }, tr(outcome.key, outcome.code ? { code: outcome.code } : undefined)),
      );
    const st = outcome.status;
    const by = st.superseded ? st.supersededBy : null;
    const lines: HTMLElement[] = [
      h('p', { id: 'find-result' }, h('strong', {}, tr('find.found'))),
      h('p', { class: 'tracker', 'data-tracker': st.tracker }, trackerGroups(st.tracker)),
      h('p', {}, tr('find.position', { seq: st.seq })),
      h('p', {}, `${tr('find.hash')}: `, h('span', { class: 'hash', translate: 'no' }, st.hash)),
      h('p', { id: 'find-counted' }, tr(st.superseded ? 'find.superseded' : 'find.counted')),
    ];
    // Loud: a later ballot the voter did not cast means someone else used their credential.
    if (by)
      lines.push(
        h(
          'p',
          { id: 'find-superseded-by' },
          h('strong', {}, ...withCode(tr('find.supersededBy', { seq: by.seq }), 'tracker', by.tracker)),
        ),
      );
    return notice(st.superseded ? 'warn' : 'ok', ...lines);
  }

  function render(focus: 'heading' | 'keep' = 'keep'): void {
    const err = outcome?.kind === 'error' && outcome.key === 'find.badTracker';
    mount(shell, {
      header: pageTop(shell, election, () => render('keep')),
      main: [
        h('h1', {}, tr('find.heading')),
        h('p', { id: 'tracker-hint' }, tr('find.intro')),
        h(
          'form',
          { novalidate: true, onsubmit: (e: Event) => (e.preventDefault(), void find()) },
          h(
            'div',
            { class: 'field' },
            h('label', { for: 'tracker-input' }, tr('find.label')),
            h('input', {
              id: 'tracker-input',
              class: 'code',
              value: tracker,
              autocomplete: 'off',
              autocapitalize: 'characters',
              spellcheck: 'false',
              maxlength: '40',
              'aria-describedby': 'tracker-hint',
              'aria-invalid': err ? 'true' : null,
              oninput: (e: Event) => (tracker = (e.target as HTMLInputElement).value),
            }),
          ),
          submitButton('find-submit', tr(busy ? 'find.busy' : 'find.submit'), busy),
        ),
        h('div', { 'aria-live': 'polite' }, result()),
      ],
      focus,
    });
  }

  async function find(): Promise<void> {
    if (busy) return;
    outcome = null;
    let t: string;
    try {
      t = normaliseTracker(tracker);
    } catch {
      outcome = { kind: 'error', key: 'find.badTracker' };
      render('keep');
      document.getElementById('tracker-input')?.focus();
      return;
    }
    busy = true;
    render('keep');
    try {
      outcome = { kind: 'found', status: await findBallot(location.origin, shell.election, t) };
    } catch (e) {
      const code = e instanceof BallotClientError ? e.code : Code.OTHER;
      outcome =
        code === Code.NO_BALLOT
          ? { kind: 'error', key: 'find.notFound' }
          : code === Code.BAD_TRACKER
            ? { kind: 'error', key: 'find.badTracker' }
            : code === Code.NETWORK
              ? { kind: 'error', key: 'err.NETWORK' }
              : code === Code.NO_ELECTION
                ? { kind: 'error', key: 'err.NO_ELECTION' }
                : { kind: 'error', key: 'err.OTHER', code };
    } finally {
      busy = false;
      render('keep');
    }
  }

  render('keep');
  void fetchElection(location.origin, shell.election)
    .then((e) => {
      election = e;
      render('keep');
    })
    .catch(() => undefined);
  if (tracker) void find();
}

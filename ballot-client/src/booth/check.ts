/**
 * "Check an audited ballot" (SPEC §8.5): any device recomputes the encryption of an audited ballot
 * from its revealed randomness, in the worker, and shows the choice it holds. It also asks the board
 * whether the audited ballot was cast, which must never happen.
 */
import { BallotClientError, fetchElection, findBallot, type PublicElection } from '../index.ts';
import type { CheckResult } from '../worker/protocol.ts';
import type { Lang } from '@saylau/protocol/lang';
import { h } from './dom.ts';
import { mount, notice, pageTop, submitButton, type Shell } from './shell.ts';
import { CryptoWorker, WorkerError } from './worker-client.ts';
import { Code } from '@saylau/protocol/errors';

type Outcome =
  | { kind: 'ok'; result: CheckResult; onBoard: boolean | null }
  | { kind: 'fail'; detail: string }
  | { kind: 'badJson' }
  | { kind: 'wrongElection'; election: string }
  | { kind: 'noParams' }
  | { kind: 'network'; code: string };

export function startCheck(shell: Shell): void {
  const worker = new CryptoWorker();
  let election: PublicElection | null = null;
  let text = '';
  let busy = false;
  let outcome: Outcome | null = null;
  const tr: Shell['t'] = (k, v) => shell.t(k, v);

  const fragment = /^#audit=([A-Za-z0-9_-]+)$/.exec(location.hash)?.[1];
  if (fragment) {
    try {
      text = JSON.stringify(JSON.parse(fromBase64url(fragment)), null, 1);
    } catch {
      text = '';
    }
  }

  function result(): HTMLElement | null {
    if (!outcome) return null;
    switch (outcome.kind) {
      case 'ok': {
        const contests = election?.contests ?? [];
        return h(
          'div',
          { id: 'check-result' },
          notice(
            'ok',
            h('p', {}, tr('check.ok')),
            h(
              'ul',
              { class: 'chosen' },
              outcome.result.choices.map((c, ci) => {
                const o = contests[ci]?.options[c];
                return h(
                  'li',
                  { 'data-option': o?.id ?? String(c) },
                  h('strong', {}, o?.names[shell.lang as Lang] ?? String(c)),
                );
              }),
            ),
            h('p', {}, `${tr('check.tracker')}: `, h('span', { class: 'hash' }, outcome.result.tracker)),
          ),
          outcome.onBoard === null
            ? null
            : outcome.onBoard
              ? notice('warn', h('p', {}, tr('check.wasCast')))
              : notice('info', h('p', {}, tr('check.notCast'))),
        );
      }
      case 'fail':
        return notice('error', h('p', { id: 'check-result' }, tr('check.fail', { detail: outcome.detail })));
      case 'badJson':
        return notice('error', h('p', { id: 'check-result' }, tr('check.badJson')));
      case 'wrongElection':
        return notice(
          'error',
          h('p', { id: 'check-result' }, tr('check.wrongElection', { election: outcome.election })),
        );
      case 'noParams':
        return notice('error', h('p', { id: 'check-result' }, tr('check.noParams')));
      case 'network':
        return notice(
          'error',
          h(
            'p',
            { id: 'check-result' },
            outcome.code === Code.NETWORK ? tr('err.NETWORK') : tr('err.OTHER', { code: outcome.code }),
          ),
        );
    }
  }

  function render(focus: 'heading' | 'keep' = 'keep'): void {
    const area = h('textarea', {
      id: 'audit-input',
      rows: '8',
      class: 'code',
      spellcheck: 'false',
      oninput: (e: Event) => (text = (e.target as HTMLTextAreaElement).value),
    });
    area.value = text;
    mount(shell, {
      header: pageTop(shell, election, () => render('keep')),
      main: [
        h('h1', {}, tr('check.heading')),
        h('p', {}, tr('check.intro')),
        h(
          'form',
          { novalidate: true, onsubmit: (e: Event) => (e.preventDefault(), void check()) },
          h('div', { class: 'field' }, h('label', { for: 'audit-input' }, tr('check.label')), area),
          h(
            'div',
            { class: 'field' },
            h('label', { for: 'audit-file' }, tr('check.file')),
            h('input', {
              type: 'file',
              id: 'audit-file',
              accept: '.json,application/json',
              onchange: (e: Event) => {
                const f = (e.target as HTMLInputElement).files?.[0];
                if (f)
                  void f.text().then((v) => {
                    text = v;
                    void check();
                  });
              },
            }),
          ),
          submitButton('check-submit', tr(busy ? 'check.busy' : 'check.submit'), busy),
        ),
        h('div', { 'aria-live': 'polite' }, result()),
      ],
      focus,
    });
  }

  async function check(): Promise<void> {
    if (busy) return;
    outcome = null;
    let audit: unknown;
    try {
      audit = JSON.parse(text);
    } catch {
      outcome = { kind: 'badJson' };
      return render('keep');
    }
    const ballotElection = (audit as { ballot?: { election?: unknown } } | null)?.ballot?.election;
    if (typeof ballotElection === 'string' && ballotElection !== shell.election) {
      outcome = { kind: 'wrongElection', election: ballotElection };
      return render('keep');
    }
    busy = true;
    render('keep');
    try {
      election ??= await fetchElection(location.origin, shell.election);
      if (!election.params) {
        outcome = { kind: 'noParams' };
        return;
      }
      const r = await worker.check(election.params, audit);
      let onBoard: boolean | null = null;
      try {
        await findBallot(location.origin, shell.election, r.tracker);
        onBoard = true;
      } catch (e) {
        if (e instanceof BallotClientError && e.code === Code.NO_BALLOT) onBoard = false;
      }
      outcome = { kind: 'ok', result: r, onBoard };
    } catch (e) {
      if (e instanceof WorkerError) outcome = { kind: 'fail', detail: `${e.code} ${e.field}`.trim() };
      else if (e instanceof BallotClientError) outcome = { kind: 'network', code: e.code };
      else outcome = { kind: 'fail', detail: String(e) };
    } finally {
      busy = false;
      render('keep');
      document.getElementById('check-result')?.scrollIntoView({ block: 'nearest' });
    }
  }

  render('keep');
  void fetchElection(location.origin, shell.election)
    .then((e) => {
      election = e;
      if (e.params) void worker.warm(e.params).catch(() => undefined);
      render('keep');
      if (text) void check();
    })
    .catch(() => undefined);
}

function fromBase64url(s: string): string {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

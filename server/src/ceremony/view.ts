/** The public state of the ceremony (GET …/ceremony): what a trustee's CLI needs for its next step. */
import type { ServerContext } from '../context.ts';
import { getElection } from '../elections/store.ts';
import { disqualifiedDealers, loadCeremony } from './state.ts';
import { publicTrustee } from './trustees.ts';
import type { CeremonyPhase, CeremonyView } from '@saylau/protocol';

/** The answer's type is protocol's CeremonyViewJson, the schema the trustees' tools parse it with. */

export type { CeremonyPhase, CeremonyView };

export function ceremonyView(ctx: ServerContext, election: string): CeremonyView {
  getElection(ctx, election);
  const s = loadCeremony(ctx, election);
  const phase: CeremonyPhase = s.jointKey ? 'finished' : s.ceremony ? 'dealing' : 'registration';
  const c = s.ceremony;
  return {
    election,
    /** The ceremony round (SPEC §10.6.7): 0, then 1, 2, … after each `ceremony-reset`. */
    round: s.round,
    phase,
    manifest: s.manifest,
    trustees: s.trustees.map((x) => ({ ...publicTrustee(x), dealt: s.dealings.has(x.index) })),
    ceremony: c ? { seq: c.seq, t: c.t, n: c.n, trustees: c.trustees, fingerprint: c.fingerprint } : null,
    missing: c ? c.trustees.map((x) => x.index).filter((i) => !s.dealings.has(i)) : [],
    dealings: [...s.dealings.values()]
      .sort((a, b) => a.seq - b.seq)
      .map((d) => ({ seq: d.seq, ...d.message })),
    complaints: s.complaints.map((x) => ({
      seq: x.seq,
      ...x.message,
      verdict: x.judgement,
      answer: x.answer ? { seq: x.answer.seq, ...x.answer.message, verdict: x.answer.judgement } : null,
      status: x.status,
    })),
    /** Disqualified so far; at the joint key, complaints still awaiting an answer count too. */
    disqualified: disqualifiedDealers(s, s.jointKey !== null),
    jointKey: s.jointKey,
  };
}

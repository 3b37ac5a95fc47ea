/** The public result (GET …/result) and the tally state (GET …/tally), SPEC §10.12. */
import type { ServerContext } from '../context.ts';
import { notFound } from '../http/errors.ts';
import { getElection } from '../elections/store.ts';
import { Code } from '@saylau/protocol';

export function resultView(ctx: ServerContext, id: string) {
  const e = getElection(ctx, id);
  const entry = ctx.board.latest(id, 'result');
  if (!entry) throw notFound(Code.NO_RESULT, `election ${id} has no result yet (it is ${e.status})`);
  const result = entry.payload;
  const ceremony = ctx.board.latest(id, 'ceremony')!.payload;
  const closed = ctx.board.latest(id, 'voting-closed')?.payload;
  const head = ctx.board.head(id)!;
  return {
    election: id,
    kind: e.kind,
    demo: e.demo,
    district: e.manifest.district,
    electionDay: e.manifest.electionDay,
    closedAt: closed?.at ?? null,
    // §10.12 R0: the referendum's turnout threshold in percent of the roll (0: none).
    turnoutPercent: e.kind === 'referendum' ? (e.manifest.profile.turnoutPercent ?? 0) : 0,
    result,
    entry: { seq: entry.seq, hash: entry.hash },
    board: { seq: head.seq, head: head.hash },
    trustees: result.trustees.map((i) => {
      const x = ceremony.trustees.find((y) => y.index === i)!;
      return { index: i, name: x.name };
    }),
    contests: (e.contests ?? []).map((c) => {
      const r = result.contests.find((x) => x.id === c.id)!;
      return {
        id: c.id,
        kind: c.kind,
        ...(c.question ? { question: c.question } : {}),
        options: c.options.map((o, oi) => ({ id: o.id, kind: o.kind, names: o.names, count: r.counts[oi]! })),
        outcome: r.outcome,
      };
    }),
  };
}

export type ResultView = ReturnType<typeof resultView>;

export function tallyView(ctx: ServerContext, id: string) {
  getElection(ctx, id);
  const entry = ctx.board.latest(id, 'tally');
  if (!entry) throw notFound(Code.NO_TALLY, `election ${id} has not been tallied`);
  const t = ctx.board.latest(id, 'ceremony')?.payload.t ?? null;
  return {
    election: id,
    tally: entry.payload,
    entry: { seq: entry.seq, hash: entry.hash },
    t,
    decryptions: ctx.board.ofType(id, 'decryption').map((d) => d.payload.trustee),
    finished: ctx.board.latest(id, 'result') !== null,
  };
}

/**
 * verifyBoard: every numbered check of SPEC §11 on a board export (JSON Lines, §9.3). Every failure
 * is collected. An entry that cannot be read is left out of the later checks that need it; an
 * entry that reads but fails (say a ballot with a bad proof) fails its own check and still takes
 * part in the later ones, since the server's tally and result took it in too.
 */
import { message } from './catalog.ts';
import { checkAnchors } from './anchors.ts';
import { checkBallots, startPool } from './ballots.ts';
import { UnusableInput, checkChain, checkSince, parseBoard, type Entry } from './board.ts';
import { checkCeremony } from './rounds.ts';
import { checkCheckpoints, type ReceiptStatus } from './checkpoints.ts';
import { checkInitiative } from './initiative.ts';
import { checkManifest } from './manifest.ts';
import { checkBallotFixed, checkCandidates, checkRoll } from './nominations.ts';
import { checkAkim, checkSigners } from './signers.ts';
import { checkOrder } from './order.ts';
import { Collector, type CheckId, type CheckResult, type Failure } from './report.ts';
import { checkCredentials, checkParams, publishedCredentials, readParams } from './setup.ts';
import { verifiedResult, type VerifiedResult } from './summary.ts';
import { checkTallyAndResult } from './tally.ts';
import { checkCredentialsWithinRoll, checkSignInCounts, checkSignIns } from './counts.ts';
import { checkComplaints } from './complaints.ts';

export interface Report {
  election: string | null;
  entries: number;
  ballots: number;
  checks: CheckResult[];
  failures: Failure[];
  /** What the board does not have yet, as "id: reason" (exit code 3 when nothing failed). */
  pending: string[];
  /** 0 complete and every check passed; 1 a check failed; 2 unusable input; 3 all present pass, not finished. */
  exitCode: 0 | 1 | 2 | 3;
  /** Why the input is unusable (exit code 2). */
  error?: string;
  /** SHA-256 of the booth bundle named in the manifest (SPEC §10.1), for comparison with GET /api/booth. */
  booth: string | null;
  /** The result with option names, only when every check passed (exit code 0). */
  result: VerifiedResult | null;
  /**
   * Each receipt given (`--checkpoint`) and whether its ballot counts: a `superseded` one was
   * replaced by a later ballot of the same credential — if the voter did not vote again, someone
   * else used their credential.
   */
  receipts: ReceiptStatus[];
  /** The complaints on the board still without an answer (SPEC §10.9.5): information, not a failure. */
  openComplaints: string[];
}

export interface VerifyOptions {
  /** Text of an earlier JSONL export: this board must extend it entry for entry (check 2.6). */
  since?: string;
  /** Signed checkpoints `{checkpoint, signature}` (check 2.4). */
  checkpoints?: { checkpoint: { election: string; seq: number; head: string }; signature: string }[];
  /** Signed cast receipts `{receipt, signature}` (check 2.4). */
  receipts?: unknown[];
  /** Worker threads for ballot proofs (default os.availableParallelism(); 0 = in-thread). */
  workers?: number;
  progress?: (done: number, total: number) => void;
}

/** The report of input the verifier cannot work on (exit code 2). */
export function unusableReport(error: string): Report {
  return {
    election: null,
    entries: 0,
    ballots: 0,
    checks: [],
    failures: [],
    pending: [],
    exitCode: 2,
    error,
    booth: null,
    result: null,
    receipts: [],
    openComplaints: [],
  };
}

/** Checks that wait for entries not yet on the board (SPEC §11: status pending, exit 3). */
function markPending(entries: readonly Entry[], kind: string | null, out: Collector): void {
  const has = (t: string) => entries.some((e) => e.type === t);
  const opened = has('voting-opened');
  // §10.6.7: only the round after the last `ceremony-reset` can still give the election its key.
  const lastReset = entries.reduce((k, e, i) => (e.type === 'ceremony-reset' ? i : k), -1);
  const inRound = (t: string) => entries.some((e, i) => i > lastReset && e.type === t);
  const pend = (ids: CheckId[], key: Parameters<Collector['pending']>[1]) =>
    ids.forEach((id) => out.pending(id, key));
  const missing = (id: CheckId, type: string, present = has) => {
    if (!present(type)) {
      if (opened) out.fail(id, null, 'entryMissing', { type });
      else out.pending(id, 'pendingEntry', { type });
    }
  };
  missing('3.1', 'roll');
  missing('3.3', 'ballot-fixed');
  if (kind === 'referendum') missing('3.7', 'initiative');
  missing('4.1', 'ceremony', inRound);
  missing('4.5', 'joint-key', inRound);
  missing('5.1', 'credentials');
  missing('11.3', 'roll');
  missing('11.3', 'credentials');
  if (kind === 'akim' && !has('ballot-fixed')) pend(['3.2', '3.4', '3.5', '3.6'], 'pendingNominations');
  if (!inRound('joint-key') && !opened) pend(['4.2', '4.3', '4.4'], 'pendingCeremony');
  if (!opened) pend(['11.1'], 'pendingOpening');
  if (!opened) pend(['6.1', '7.1', '7.2', '7.3', '7.4', '7.5', '7.6'], 'pendingOpening');
  // §10.10: voting-closed and the tally are one transaction, so one without the other is a failure.
  if (has('voting-closed') && !has('tally')) out.fail('8.2', null, 'entryMissing', { type: 'tally' });
  else if (!has('tally')) pend(['8.1', '8.2'], 'pendingClosing');
  if (!has('voting-closed')) pend(['11.2'], 'pendingClosing');
  if (!has('result')) pend(['9.1', '9.2', '9.3', '10.1', '10.2', '10.3'], 'pendingResult');
}

/**
 * Checks that had nothing to check on this board (SPEC §11.1: status skipped, never pass). Pending
 * and failing take precedence, so a check waiting for entries is not called skipped.
 */
function markSkipped(entries: readonly Entry[], kind: string | null, out: Collector): void {
  const has = (t: string) => entries.some((e) => e.type === t);
  if (kind === 'akim') out.skip('1.4', 'skipNoQuestions');
  if (kind === 'akim') out.skip('3.7', 'skipAkimInitiative');
  if (kind === 'referendum')
    for (const id of ['3.2', '3.4', '3.5', '3.6'] as const) out.skip(id, 'skipReferendum');
  else if (kind === 'akim' && !has('nomination-extended')) out.skip('3.4', 'skipNoExtension');
  if (!has('dkg-complaint') && !has('dkg-answer')) out.skip('4.4', 'skipNoComplaint');
  if (!has('ceremony-reset')) for (const id of ['4.6', '4.7'] as const) out.skip(id, 'skipNoReset');
  if (has('voting-opened') && !has('sign-ins')) out.skip('11.1', 'skipNoSignIns');
  if (!has('complaint')) out.skip('12.1', 'skipNoComplaints');
  if (!has('complaint-answer')) out.skip('12.2', 'skipNoAnswers');
  if (has('voting-opened') && !has('ballot'))
    for (const id of ['7.1', '7.2', '7.3', '7.4', '7.5', '7.6'] as const) out.skip(id, 'skipNoBallot');
}

export async function verifyBoard(text: string, opts: VerifyOptions = {}): Promise<Report> {
  const out = new Collector();
  let entries: Entry[];
  try {
    entries = parseBoard(text, out);
  } catch (e) {
    if (e instanceof UnusableInput) return unusableReport(message('en', e.key, e.params));
    throw e;
  }
  checkChain(entries, out);
  if (opts.since !== undefined) checkSince(entries, opts.since, out);
  else out.skip('2.6', 'noteNoSince');
  checkOrder(entries, out);
  const manifest = checkManifest(entries, out);
  const receipts = checkCheckpoints(entries, manifest, opts.checkpoints ?? [], opts.receipts ?? [], out);
  const ballotCount = entries.filter((e) => e.type === 'ballot').length;
  // The ballot threads boot while the main thread checks the setup entries.
  const params = readParams(entries, out);
  const pool = startPool(params, ballotCount, opts.workers);
  let openComplaints: string[] = [];
  try {
    if (manifest) {
      const roll = checkRoll(entries, out);
      checkInitiative(entries, manifest, roll, out);
      const candidates = checkCandidates(entries, manifest, roll, out);
      const contests = checkBallotFixed(entries, manifest, candidates, out);
      checkSigners(candidates, roll, manifest.profile, out);
      if (manifest.kind === 'akim') checkAkim(entries, candidates, out);
      const { ceremony, jointKey } = checkCeremony(entries, manifest, out);
      const credentials = publishedCredentials(entries);
      checkParams(entries, params, manifest, jointKey, contests, out);
      checkAnchors(entries, out);
      const selection = await checkBallots(entries, params, credentials, pool, out, opts.progress);
      // 5.1 after the ballots: a key the threads already decoded as a ballot's credential is not decoded again.
      checkCredentials(entries, roll, out, selection.checkedKeys);
      checkTallyAndResult({ entries, manifest, roll, ceremony, jointKey, params, contests, selection }, out);
      checkSignInCounts(entries, checkSignIns(entries, manifest, out), roll, selection, out);
      checkCredentialsWithinRoll(entries, roll, out);
      openComplaints = checkComplaints(entries, manifest, out);
    } else out.fail('1.1', 0, 'manifestUnusable');
  } finally {
    await pool?.close();
  }
  markPending(entries, manifest?.kind ?? null, out);
  markSkipped(entries, manifest?.kind ?? null, out);
  const checks = out.results();
  const failures = out.failures;
  const pending = checks.filter((c) => c.status === 'pending').map((c) => `${c.id}: ${c.note ?? ''}`);
  const exitCode = failures.length > 0 ? 1 : pending.length > 0 ? 3 : 0;
  return {
    election: manifest?.election ?? null,
    entries: entries.length,
    ballots: ballotCount,
    checks,
    failures,
    pending,
    exitCode,
    booth: manifest?.booth ?? null,
    result: exitCode === 0 ? verifiedResult(entries) : null,
    receipts,
    openComplaints,
  };
}

/**
 * Check 3.7 (SPEC §10.1.2, §11.2): a referendum's initiative — enough voters' signatures, each a
 * tag on the roll, or a citizens' assembly with the profile's quorum and a majority of those present.
 * The roll's count and tags are 3.1's reading of the `roll` entry (null when it does not read).
 */
import { bytesToB64, decodeTags, firstOutOfOrder } from '@saylau/crypto';
import type { Profile } from '@saylau/protocol';
import type { Entry } from './board.ts';
import type { Manifest } from './manifest.ts';
import { shareOf, type Roll } from './nominations.ts';
import type { Collector } from './report.ts';
import { b64, date, int, member, names, obj, oneOf, time } from './shape.ts';

type Fail = (key: Parameters<Collector['fail']>[2], params?: Parameters<Collector['fail']>[3]) => void;

export function checkInitiative(
  entries: readonly Entry[],
  manifest: Manifest,
  tags: Roll | null,
  out: Collector,
): void {
  const found = entries.filter((e) => e.type === 'initiative');
  if (manifest.kind !== 'referendum') {
    found.forEach((e) => out.fail('3.7', e.seq, 'initiativeInAkim'));
    return;
  }
  found.slice(1).forEach((e) => out.fail('3.7', e.seq, 'initiativeAgain'));
  const e = found[0];
  if (!e) return;
  const at = entries.indexOf(e);
  const roll = entries.findIndex((x) => x.type === 'roll');
  const opened = entries.findIndex((x) => x.type === 'voting-opened');
  if (roll < 0 || roll > at || (opened >= 0 && opened < at)) out.fail('3.7', e.seq, 'initiativePlace');
  const fail: Fail = (key, params = {}) => out.fail('3.7', e.seq, key, params);
  out.guard('3.7', e.seq, 'initiative', () => {
    const kind = oneOf(member(e.payload, 'kind'), 'initiative.kind', ['signatures', 'citizen-assembly']);
    if (kind === 'signatures') signatures(e.payload, tags, manifest.profile, fail);
    else assembly(e.payload, tags, manifest.profile, fail);
  });
}

/** Whole 16-byte tags, strictly ascending, each on the roll; `valid` their number, at least the threshold. */
function signatures(payload: unknown, roll: Roll | null, profile: Profile | null, fail: Fail): void {
  const o = obj(payload, 'initiative', ['kind', 'valid', 'threshold', 'signers', 'recordedAt']);
  time(o.recordedAt, 'initiative.recordedAt');
  const valid = int(o.valid, 'initiative.valid');
  let threshold = int(o.threshold, 'initiative.threshold');
  const signers = decodeTags(o.signers, 'initiative.signers');
  const i = firstOutOfOrder(signers);
  if (i > 0) fail('initiativeSignerOrder', { index: i });
  if (valid !== signers.length) fail('initiativeValid', { valid, signers: signers.length });
  if (roll) {
    const off = signers.filter((t) => !roll.tags.has(bytesToB64(t))).length;
    if (off > 0) fail('initiativeOffRoll', { count: off });
    const expected = profile ? shareOf(profile.initiativePercent, roll.count) : threshold;
    if (threshold !== expected) fail('initiativeThreshold', { threshold, expected });
    threshold = expected;
  }
  if (signers.length < threshold) fail('initiativeBelowThreshold', { valid: signers.length, threshold });
}

/** N5's numbers with the profile's quorum; no more present than the roll holds; a 16-byte chair tag. */
function assembly(payload: unknown, roll: Roll | null, profile: Profile | null, fail: Fail): void {
  const keys = ['kind', 'date', 'place', 'attendance', 'quorum', 'votesFor', 'chair', 'recordedAt'];
  const o = obj(payload, 'initiative', keys);
  time(o.recordedAt, 'initiative.recordedAt');
  const day = date(o.date, 'initiative.date');
  names(o.place, 'initiative.place');
  b64(o.chair, 'initiative.chair', 16);
  const attendance = int(o.attendance, 'initiative.attendance');
  const quorum = int(o.quorum, 'initiative.quorum');
  const votesFor = int(o.votesFor, 'initiative.votesFor');
  if (day > (o.recordedAt as string).slice(0, 10)) fail('initiativeDate', { date: day });
  if (roll && attendance > roll.count) fail('initiativeAboveRoll', { attendance, count: roll.count });
  if (roll && profile) {
    const expected = shareOf(profile.assemblyQuorumPercent, roll.count);
    if (quorum !== expected) fail('initiativeQuorum', { quorum, expected });
  }
  if (attendance < quorum) fail('initiativeBelowQuorum', { attendance, quorum });
  if (votesFor > attendance) fail('initiativeVotes', { votesFor, attendance });
  if (2 * votesFor <= attendance) fail('initiativeNoMajority', { votesFor, attendance });
}

/** Check 5.1 (the credential list, SPEC §10.7, §7.3) and 6.1 (the election parameters, §10.8, §8.1). */
import { decodeElectionParams, parseCredentialList, type ElectionParams } from '@saylau/crypto';
import type { Entry } from './board.ts';
import type { JointKey } from './ceremony.ts';
import type { Manifest } from './manifest.ts';
import type { ContestInfo, Roll } from './nominations.ts';
import type { Collector } from './report.ts';
import { asArray, int, member, obj, sameJson } from './shape.ts';

/**
 * The keys of the first `credentials` entry for 7.2, as published (even if 5.1 fails, so that 7.2
 * reports only ballots whose credential is not on the list); null without the entry.
 */
export function publishedCredentials(entries: readonly Entry[]): Set<string> | null {
  const e = entries.find((x) => x.type === 'credentials');
  if (!e) return null;
  const list = asArray(member(e.payload, 'list')) ?? [];
  return new Set(list.filter((x): x is string => typeof x === 'string'));
}

/**
 * 5.1: exactly one `credentials` entry, `list` a §7.3 list (valid keys, strictly ascending) and
 * `count` = list length = the roll's count. Keys in `checked` already passed the strict key check
 * as ballot credentials (7.1) and are not decoded again.
 */
export function checkCredentials(
  entries: readonly Entry[],
  roll: Roll | null,
  out: Collector,
  checked: ReadonlySet<string> = new Set(),
): void {
  const all = entries.filter((e) => e.type === 'credentials');
  all.slice(1).forEach((e) => out.fail('5.1', e.seq, 'credentialsAgain'));
  const e = all[0];
  if (!e) return;
  out.guard('5.1', e.seq, 'credentials', () => {
    const o = obj(e.payload, 'credentials', ['count', 'list']);
    const count = int(o.count, 'credentials.count');
    const list = parseCredentialList(o.list, 'credentials.list', checked);
    if (count !== list.length) out.fail('5.1', e.seq, 'credentialsCount', { count, length: list.length });
    if (roll && count !== roll.count) out.fail('5.1', e.seq, 'credentialsRoll', { count, roll: roll.count });
  });
}

/** The §8.1 parameters of the `voting-opened` entry, decoded (null if absent or refused: 6.1 fails). */
export function readParams(entries: readonly Entry[], out: Collector): ElectionParams | null {
  const e = entries.find((x) => x.type === 'voting-opened');
  if (!e) return null;
  return (
    out.guard('6.1', e.seq, 'voting-opened', () => {
      const o = obj(e.payload, 'voting-opened', ['params']);
      // The main thread never multiplies by K alone: no window table for it (some 150 ms).
      return decodeElectionParams(o.params, 'voting-opened.params', { precompute: false });
    }) ?? null
  );
}

/** 6.1: params = {version, election, publicKey of joint-key, contests of ballot-fixed} exactly (§10.8). */
export function checkParams(
  entries: readonly Entry[],
  params: ElectionParams | null,
  manifest: Manifest,
  jointKey: JointKey | null,
  contests: ContestInfo[] | null,
  out: Collector,
): void {
  const e = entries.find((x) => x.type === 'voting-opened');
  if (!e || !params) return;
  const expected = {
    version: 'saylau/v1',
    election: manifest.election,
    publicKey: jointKey?.publicKey ?? null,
    contests: contests?.map((c) => ({ id: c.id, options: c.options.length })) ?? null,
  };
  // readParams decoded these params, so they are an object.
  const published = member(e.payload, 'params');
  if (sameJson(published, expected)) return;
  for (const k of ['version', 'election', 'publicKey', 'contests'] as const)
    if (!sameJson(member(published, k) ?? null, expected[k]))
      out.fail('6.1', e.seq, 'paramsField', { field: k });
}

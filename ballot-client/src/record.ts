/**
 * A voter's record, checked on the device (SPEC §10.9.4): the server's answer is not taken on trust.
 * The roll entry is fetched by seq and its hash recomputed (§9.2); the voter's tag must lead by its
 * audit path to that entry's root, in a tree of that entry's count. Complaints (§10.9.5) are filed
 * with the same token.
 */
import { b64ToBytesStrict, decodePath, hexToBytesStrict, verifyInclusion } from '@saylau/crypto';
import { entryHash } from '@saylau/protocol/board';
import type { AnyBoardEntry, ComplaintFiledJson, ComplaintSubject, MyRecordJson } from '@saylau/protocol';
import { call, ENDPOINTS, type ClientOptions } from './http.ts';

export type { ComplaintFiledJson, ComplaintSubject, MyRecordJson };

/** On the roll: the proof checks against the board; not on it; or the board contradicts the proof. */
export type RollCheck = 'checked' | 'absent' | 'failed';

export interface CheckedRecord {
  record: MyRecordJson;
  roll: RollCheck;
}

export function fetchMyRecord(base: string, id: string, token: string, opts?: ClientOptions) {
  return call(base, ENDPOINTS.myRecord, { params: { id }, token }, opts);
}

export function fetchBoardEntry(base: string, id: string, seq: number, opts?: ClientOptions) {
  return call(base, ENDPOINTS.boardEntry, { params: { id, seq: String(seq) } }, opts);
}

/** Whether the record's roll proof holds against this `roll` entry, whose hash is recomputed. */
export function checkRollProof(roll: NonNullable<MyRecordJson['roll']>, entry: unknown): boolean {
  try {
    const e = entry as AnyBoardEntry;
    if (e.seq !== roll.seq || e.type !== 'roll' || entryHash(e) !== e.hash) return false;
    const { root, count } = e.payload as { root: unknown; count: unknown };
    if (count !== roll.size) return false;
    return verifyInclusion(
      b64ToBytesStrict(roll.tag, 'tag', 16),
      roll.index,
      roll.size,
      decodePath(roll.path, 'path'),
      hexToBytesStrict(root, 'root', 32),
    );
  } catch {
    return false;
  }
}

/** The voter's record, with the roll proof checked against the board. */
export async function checkMyRecord(
  base: string,
  id: string,
  token: string,
  opts?: ClientOptions,
): Promise<CheckedRecord> {
  const record = await fetchMyRecord(base, id, token, opts);
  if (!record.roll) return { record, roll: 'absent' };
  const entry = await fetchBoardEntry(base, id, record.roll.seq, opts);
  return { record, roll: checkRollProof(record.roll, entry) ? 'checked' : 'failed' };
}

/** File a complaint (SPEC §10.9.5); the answer carries the signed receipt and the text's nonce. */
export function fileComplaint(
  base: string,
  id: string,
  token: string,
  about: ComplaintSubject,
  text: string,
  opts?: ClientOptions,
): Promise<ComplaintFiledJson> {
  return call(base, ENDPOINTS.fileComplaint, { params: { id }, body: { about, text }, token }, opts);
}

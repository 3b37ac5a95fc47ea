/**
 * The checks of a credential upload's body (SPEC §10.7), run in the upload check worker: its shape
 * (zod; 100,000 strings take tens of milliseconds), rule 4, the strict decoding of every key (§7.3;
 * seconds), and rule 6, the owner map against the roll's voter references (100,000 HMACs). It also
 * prepares the board entry's canonical JSON and the list's fingerprint, which take long enough on a
 * list that size to stall the server.
 */
import { canonicalJson, parseCredentialList } from '@saylau/crypto';
import { parseWith } from '../http/validate.ts';
import { voterReference } from '../voters/reference.ts';
import { credentialListFingerprint } from '@saylau/protocol';
import { CredentialUpload } from '@saylau/protocol/requests';

/** The body of POST …/credentials (protocol's): `owners[i]` is the voter who holds `list[i]`. */
export { CredentialUpload };

export interface CheckedCredentialList {
  count: number;
  /** Canonical JSON of the board entry's payload {count, list}. */
  payload: string;
  fingerprint: string;
  /** Rule 6's refusal, answered after rule 5 (COUNT_MISMATCH) by the route; null when it holds. */
  owners: { field: string; message: string } | null;
}

/** Rule 6: the owners are a one-to-one map of the roll's voters onto the list. */
function checkOwners(
  owners: readonly string[],
  keys: number,
  roll: Set<string>,
): CheckedCredentialList['owners'] {
  if (owners.length !== keys)
    return { field: 'owners', message: `${owners.length} owners for ${keys} keys: one voter holds each key` };
  const seen = new Set<string>();
  for (const [i, voter] of owners.entries()) {
    if (!roll.has(voter)) return { field: `owners[${i}]`, message: 'not a voter on this roll' };
    if (seen.has(voter)) return { field: `owners[${i}]`, message: 'this voter holds a key already' };
    seen.add(voter);
  }
  return null;
}

/**
 * The body's shape, then (with `checkList`: when rules 1–3 passed, so that the order of the checks
 * stays that of §10.7) the list and the owner map against the roll (`iins`, whose references use the
 * server's `pepper`). Null when only the shape was checked.
 */
export function checkCredentialUpload(input: {
  body: unknown;
  checkList: boolean;
  election: string;
  pepper: Uint8Array;
  iins: readonly string[];
}): CheckedCredentialList | null {
  const body = parseWith(CredentialUpload, input.body, 'body');
  if (!input.checkList) return null;
  // Strictly ascending valid keys (§7.3); a CryptoError becomes 400 CRYPTO_<code> naming list[i].
  const list = parseCredentialList(body.list, 'list');
  const roll = new Set(input.iins.map((iin) => voterReference(input.pepper, input.election, iin)));
  return {
    count: list.length,
    payload: canonicalJson({ count: list.length, list }),
    fingerprint: credentialListFingerprint(list),
    owners: checkOwners(body.owners, list.length, roll),
  };
}

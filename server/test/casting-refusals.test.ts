/**
 * Every refusal of POST /api/elections/:id/ballots (SPEC §10.9): status, stable code, and nothing
 * written (the voter token stays unused, the board and every table unchanged).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ORDER,
  ballotBody,
  buildBallot,
  decodeScalar,
  deriveCredentialKeys,
  encodeScalar,
  generateCredentialCode,
  randomScalar,
  signDocument,
  type BallotJson,
} from '@saylau/crypto';
import { IDENTITY_HEX, NON_CANONICAL_POINT, SCALAR_L } from '../../crypto/test/helpers.ts';
import { createElection } from '../src/index.ts';
import { closeCasting } from '../src/casting/routes.ts';
import { issueVoterToken } from '../src/voters/tokens.ts';
import { DISTRICT, ELECTION_DAY, startHarness, type ApiResponse, type Harness } from './harness.ts';
import { VOTING_DAY_MORNING } from './fixtures.ts';
import {
  ballotWithNonces,
  cast,
  castPath,
  castSetup,
  clone,
  resign,
  voterToken,
  type CastSetup,
} from './casting-helpers.ts';

let h: Harness;
let e: CastSetup;
let other: CastSetup;
beforeAll(async () => {
  h = await startHarness();
  e = castSetup(h, { id: 'open-1', voters: 12 });
  other = castSetup(h, { id: 'open-2', voters: 4 });
  createElection(h.server.ctx, { id: 'draft-1', district: DISTRICT, electionDay: ELECTION_DAY }, 'test');
});
afterAll(async () => {
  await closeCasting(h.server.ctx);
  await h.close();
});

/** Run a request and assert its refusal wrote nothing. */
async function refused(status: number, code: string, run: () => Promise<ApiResponse>): Promise<ApiResponse> {
  const before = h.snapshot();
  const r = await run();
  expect({ status: r.status, code: r.body?.error?.code }).toEqual({ status, code });
  expect(h.snapshot()).toEqual(before);
  return r;
}

const keysOf = (i: number) => e.credentials[i]!.keys;
const valid = (i = 0, choice = 1) => buildBallot(e.params, keysOf(i), [choice]).ballot;
/** A valid ballot of credential 0 with one change, signed again so that only that change is wrong. */
function altered(change: (b: BallotJson) => void, i = 0): BallotJson {
  const b = clone(valid(i));
  change(b);
  return resign(b, keysOf(i));
}
const castWithToken = async (ballot: unknown, election = e.id) =>
  cast(h, election, ballot, await voterToken(h, election));

describe('refusals before the ballot is read', () => {
  it('refuses without a token, with a garbage, malformed, expired or used token, or one for another election', async () => {
    const b = valid();
    await refused(401, 'NO_TOKEN', () => cast(h, e.id, b, null));
    await refused(401, 'BAD_TOKEN', () => cast(h, e.id, b, 'not.a.jwt'));
    await refused(401, 'BAD_TOKEN', () =>
      h.api('POST', castPath(e.id), { ballot: b }, null, { authorization: 'Basic dm90ZXI6cHc=' }),
    );
    await refused(401, 'BAD_TOKEN', async () => cast(h, e.id, b, await voterToken(h, other.id)));
    const expiring = (await issueVoterToken(h.server.ctx, e.id, 'late-voter')).token;
    h.now.value = new Date(VOTING_DAY_MORNING.getTime() + 16 * 60_000);
    try {
      await refused(401, 'TOKEN_EXPIRED', () => cast(h, e.id, b, expiring));
    } finally {
      h.now.value = VOTING_DAY_MORNING;
    }
    const token = await voterToken(h, e.id);
    expect((await cast(h, e.id, valid(1), token)).status).toBe(201);
    await refused(401, 'TOKEN_USED', () => cast(h, e.id, valid(2), token));
  });

  it('refuses when the election is not open: not yet opened, before the hours, after votingCloses', async () => {
    const b = valid();
    await refused(409, 'NOT_OPEN', () => castWithToken(b, 'draft-1'));
    await refused(404, 'NO_ELECTION', () => castWithToken(b, 'no-such-election'));
    const token = await voterToken(h, e.id);
    for (const at of [
      '2026-12-20T06:59:59+05:00',
      '2026-12-20T20:00:00+05:00',
      '2026-12-21T09:00:00+05:00',
    ]) {
      h.now.value = new Date(at);
      try {
        await refused(409, 'NOT_OPEN', () => cast(h, e.id, b, token));
      } finally {
        h.now.value = VOTING_DAY_MORNING;
      }
    }
  });

  it('refuses malformed JSON, an oversized body, __proto__ keys and bodies off the schema', async () => {
    const token = await voterToken(h, e.id);
    await refused(400, 'BAD_JSON', () => h.api('POST', castPath(e.id), '{"ballot": {', token));
    const huge = JSON.stringify({ ballot: valid(), pad: 'x'.repeat(300 * 1024) });
    await refused(413, 'BODY_TOO_LARGE', () => h.api('POST', castPath(e.id), huge, token));
    const text = JSON.stringify({ ballot: valid() });
    await refused(400, 'BAD_REQUEST', () =>
      h.api('POST', castPath(e.id), text.slice(0, -1) + ',"__proto__":{"polluted":true}}', token),
    );
    const nested = text.replace('"contests":[{', '"contests":[{"__proto__":{"polluted":true},');
    await refused(400, 'BAD_REQUEST', () => h.api('POST', castPath(e.id), nested, token));
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    await refused(400, 'BAD_REQUEST', () =>
      h.api('POST', castPath(e.id), 'ballot=1', token, {
        'content-type': 'application/x-www-form-urlencoded',
      }),
    );
    for (const body of [
      {},
      [],
      { ballot: null },
      { ballot: valid(), extra: 1 },
      { ballot: { ...valid(), contests: 'akim' } },
      { ballot: { ...valid(), signature: 'f'.repeat(1000) } },
    ])
      await refused(400, 'BAD_REQUEST', () => h.api('POST', castPath(e.id), body, token));
    // A proof with a field missing is off the schema (a field cut short is a crypto refusal, below).
    const missing = clone(valid());
    delete (
      missing.contests[0]!.choices[0]!.proof as Partial<(typeof missing.contests)[0]['choices'][0]['proof']>
    ).s1;
    await refused(400, 'BAD_REQUEST', () => cast(h, e.id, missing, token));
  });
});

describe('refusals of the ballot itself', () => {
  it('refuses a ballot for another election', async () => {
    const forOther = buildBallot(other.params, other.credentials[0]!.keys, [0]).ballot;
    await refused(400, 'WRONG_ELECTION', () => castWithToken(forOther));
  });

  it('refuses strictly undecodable ballots (SPEC §8.3 step 3), whether or not the credential is listed', async () => {
    const outsider = deriveCredentialKeys(e.id, generateCredentialCode());
    const cases: [string, (b: BallotJson) => void][] = [
      ['CRYPTO_NON_CANONICAL', (b) => (b.contests[0]!.choices[1]!.alpha = NON_CANONICAL_POINT)],
      ['CRYPTO_IDENTITY', (b) => (b.contests[0]!.choices[2]!.beta = IDENTITY_HEX)],
      ['CRYPTO_NON_CANONICAL', (b) => (b.contests[0]!.choices[0]!.proof.a1 = NON_CANONICAL_POINT)],
      ['CRYPTO_SCALAR_RANGE', (b) => (b.contests[0]!.choices[0]!.proof.s0 = SCALAR_L)],
      ['CRYPTO_SCALAR_RANGE', (b) => (b.contests[0]!.sumProof.response = SCALAR_L)],
      [
        'CRYPTO_BAD_LENGTH',
        (b) => (b.contests[0]!.choices[3]!.proof.s1 = b.contests[0]!.choices[3]!.proof.s1.slice(0, 62)),
      ],
      ['CRYPTO_BAD_LENGTH', (b) => b.contests[0]!.choices.pop()],
      [
        'CRYPTO_BAD_HEX',
        (b) => (b.contests[0]!.choices[0]!.beta = b.contests[0]!.choices[0]!.beta.toUpperCase()),
      ],
      ['CRYPTO_BAD_PARAMS', (b) => (b.version = 'saylau/v2' as 'saylau/v1')],
      ['CRYPTO_BAD_PARAMS', (b) => (b.contests[0]!.id = 'mayor')],
    ];
    for (const [code, change] of cases) {
      const listed = altered(change);
      const r = await refused(400, code, () => castWithToken(listed));
      expect(r.body.error.details.field).toMatch(/^ballot\./);
      const b = clone(buildBallot(e.params, outsider, [0]).ballot);
      change(b);
      await refused(400, code, () => castWithToken(resign(b, outsider)));
    }
    // A credential that is no Ed25519 key at all.
    await refused(400, 'CRYPTO_BAD_HEX', () => castWithToken({ ...valid(), credential: 'zz'.repeat(32) }));
  });

  it('refuses a valid ballot whose credential is not on the published list', async () => {
    const outsider = deriveCredentialKeys(e.id, generateCredentialCode());
    await refused(403, 'UNKNOWN_CREDENTIAL', () =>
      castWithToken(buildBallot(e.params, outsider, [0]).ballot),
    );
  });

  it('refuses a bad signature: altered, from another key, or over an altered body', async () => {
    const b = valid();
    const flipped = { ...b, signature: (b.signature[0] === '0' ? '1' : '0') + b.signature.slice(1) };
    await refused(422, 'BAD_SIGNATURE', () => castWithToken(flipped));
    const body = ballotBody(b);
    const byOther = { ...body, signature: signDocument('ballot', body, keysOf(1).secretKey) };
    await refused(422, 'BAD_SIGNATURE', () => castWithToken(byOther));
    const swapped = clone(b);
    const [c0, c1] = swapped.contests[0]!.choices;
    swapped.contests[0]!.choices[0] = c1!;
    swapped.contests[0]!.choices[1] = c0!;
    await refused(422, 'BAD_SIGNATURE', () => castWithToken(swapped));
  });

  it('refuses forged proofs: an altered response, an altered sum proof, proofs made for another credential', async () => {
    const bump = (hex: string) => encodeScalar((decodeScalar(hex, 's') + 1n) % ORDER);
    await refused(422, 'BAD_PROOF', () =>
      castWithToken(
        altered((b) => (b.contests[0]!.choices[2]!.proof.s1 = bump(b.contests[0]!.choices[2]!.proof.s1))),
      ),
    );
    await refused(422, 'BAD_PROOF', () =>
      castWithToken(
        altered((b) => (b.contests[0]!.sumProof.response = bump(b.contests[0]!.sumProof.response))),
      ),
    );
    await refused(422, 'BAD_PROOF', () =>
      castWithToken(altered((b) => (b.contests[0]!.choices[0]!.proof.c0 = encodeScalar(randomScalar())))),
    );
    // Credential 1 takes credential 0's ballot and signs it as its own: the proofs name credential 0.
    const stolen = clone(valid(0));
    stolen.credential = keysOf(1).publicKeyHex;
    await refused(422, 'BAD_PROOF', () => castWithToken(resign(stolen, keysOf(1))));
  });

  it('refuses a ballot reusing a ciphertext already on the board (COPIED_CIPHERTEXT), even with fresh proofs', async () => {
    // Voter holding credentials 3 and 4 casts, then re-encrypts one ciphertext under the other credential.
    const first = buildBallot(e.params, keysOf(3), [2]);
    expect((await castWithToken(first.ballot)).status).toBe(201);
    const nonces = [first.secrets.nonces[0]!.map((r, i) => (i === 0 ? r : randomScalar()))];
    const copy = ballotWithNonces(e.params, keysOf(4), [2], nonces);
    expect(copy.ballot.contests[0]!.choices[0]!.alpha).toBe(first.ballot.contests[0]!.choices[0]!.alpha);
    expect(copy.ballot.contests[0]!.choices[0]!.proof).not.toEqual(
      first.ballot.contests[0]!.choices[0]!.proof,
    );
    await refused(409, 'COPIED_CIPHERTEXT', () => castWithToken(copy.ballot));
    // The same credential copying its own earlier ciphertext into a revote is refused too.
    const revote = ballotWithNonces(e.params, keysOf(3), [1], nonces);
    await refused(409, 'COPIED_CIPHERTEXT', () => castWithToken(revote.ballot));
    // A ballot repeating one ciphertext inside itself (valid proofs: both encrypt 0).
    const r = randomScalar();
    const twice = ballotWithNonces(e.params, keysOf(5), [3], [[r, r, randomScalar(), randomScalar()]]);
    await refused(409, 'COPIED_CIPHERTEXT', () => castWithToken(twice.ballot));
    // The untouched re-encryption with fresh nonces goes through.
    const fresh = ballotWithNonces(e.params, keysOf(4), [2], [[1, 2, 3, 4].map(() => randomScalar())]);
    expect((await castWithToken(fresh.ballot)).status).toBe(201);
  });
});

describe('the order of the checks (SPEC §10.9)', () => {
  it('reports the first failing check', async () => {
    const outsider = deriveCredentialKeys(e.id, generateCredentialCode());
    const undecodable = clone(buildBallot(e.params, outsider, [0]).ballot);
    undecodable.contests[0]!.choices[0]!.alpha = NON_CANONICAL_POINT;
    // Schema before the election state; state before the token; token before the ballot.
    await refused(400, 'BAD_REQUEST', () => cast(h, 'draft-1', { nope: 1 }, null));
    await refused(409, 'NOT_OPEN', () => cast(h, 'draft-1', undecodable, null));
    await refused(401, 'NO_TOKEN', () => cast(h, e.id, undecodable, null));
    // The election id before decoding; decoding before the credential list.
    await refused(400, 'WRONG_ELECTION', () => castWithToken({ ...undecodable, election: other.id }));
    await refused(400, 'CRYPTO_NON_CANONICAL', () => castWithToken(undecodable));
    // The credential list before the signature.
    const unsigned = { ...buildBallot(e.params, outsider, [0]).ballot, signature: 'ab'.repeat(64) };
    await refused(403, 'UNKNOWN_CREDENTIAL', () => castWithToken(unsigned));
    // The signature before the proofs; the proofs before copied ciphertexts.
    const first = buildBallot(e.params, keysOf(6), [0]);
    expect((await castWithToken(first.ballot)).status).toBe(201);
    const copy = ballotWithNonces(e.params, keysOf(7), [0], first.secrets.nonces);
    const badProof = clone(copy.ballot);
    badProof.contests[0]!.choices[1]!.proof.s0 = encodeScalar(randomScalar());
    await refused(422, 'BAD_SIGNATURE', () => castWithToken(badProof));
    await refused(422, 'BAD_PROOF', () => castWithToken(resign(badProof, keysOf(7))));
    await refused(409, 'COPIED_CIPHERTEXT', () => castWithToken(copy.ballot));
  });
});

/**
 * Every refusal of POST /api/elections/:id/ballots (SPEC §10.9): status, stable code, and nothing
 * written (the voter token stays unused, the board and every table unchanged).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ORDER,
  ballotAudit,
  ballotBody,
  buildBallot,
  bytesToB64,
  bytesToHex,
  contestChars,
  contestFields,
  contestFromFields,
  encryptBallot,
  decodeScalar,
  deriveCredentialKeys,
  encodeScalar,
  generateCredentialCode,
  randomScalar,
  signDocument,
  MAX_OPTIONS,
  type BallotJson,
  type ContestFields,
} from '@saylau/crypto';
import {
  IDENTITY_POINT,
  NON_CANONICAL_POINT,
  SCALAR_L,
  b64ToHex,
  withUnusedBits,
} from '../../crypto/test/helpers.ts';
import { createElection } from '../src/index.ts';
import { closeCasting } from '../src/casting/routes.ts';
import { issueVoterToken } from '../src/voters/tokens.ts';
import {
  createdAt,
  DISTRICT,
  ELECTION_DAY,
  startHarness,
  type ApiResponse,
  type Harness,
  VOTING_DAY_MORNING,
  appendUntyped,
  ballotOf,
  ballotWithNonces,
  cast,
  castPath,
  castSetup,
  clone,
  headAnchor,
  resign,
  voterToken,
  type CastSetup,
} from '@saylau/test-kit';
import { MAX_ANCHOR_AGE } from '../src/casting/anchor.ts';
import { MAX_REFUSALS_PER_TOKEN } from '../src/casting/refusals.ts';

let h: Harness;
let e: CastSetup;
let other: CastSetup;
beforeAll(async () => {
  // Many casts from one address: the per-address limit has its own test (casting-limits).
  h = await startHarness(undefined, { castRateLimit: false });
  e = castSetup(h, { id: 'open-1', voters: 12 });
  other = castSetup(h, { id: 'open-2', voters: 4 });
  createElection(
    h.server.ctx,
    { id: 'draft-1', district: DISTRICT, electionDay: ELECTION_DAY },
    'test',
    createdAt(h),
  );
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
const anchorOf = (setup: CastSetup = e) => headAnchor(h, setup.id);
const valid = (i = 0, choice = 1) => ballotOf(h, e, i, [choice]).ballot;
/** A valid ballot of credential 0 with one change, signed again so that only that change is wrong. */
/** Edit a contest of a ballot by its named fields (SPEC §8.2), packing it again. */
function edit(b: BallotJson, change: (f: ContestFields) => void, ci = 0): void {
  const f = contestFields(b.contests[ci]!);
  change(f);
  b.contests[ci] = contestFromFields(f);
}
/** A well-formed signature that verifies under no key: 64 bytes of 0xab. */
const WRONG_SIGNATURE = bytesToB64(new Uint8Array(64).fill(0xab));
function altered(change: (b: BallotJson) => void, i = 0): BallotJson {
  const b = clone(valid(i));
  change(b);
  return resign(b, keysOf(i));
}
/**
 * Cast with a token of the voter who owns the ballot's credential (SPEC §10.7), so that every other
 * check is what refuses; an unknown credential gets the token of voter 0.
 */
const castWithToken = async (ballot: unknown, election = e.id) => {
  const setup = election === other.id ? other : e;
  const credential = (ballot as { credential?: unknown } | null)?.credential;
  const i = setup.credentials.findIndex((c) => c.keys.publicKeyText === credential);
  const token =
    election === e.id || election === other.id
      ? await voterToken(h, setup, Math.max(0, i))
      : (await issueVoterToken(h.server.ctx, election, 'voter-elsewhere')).token;
  return cast(h, election, ballot, token);
};

describe('refusals before the ballot is read', () => {
  it('refuses without a token, with a garbage, malformed, expired or used token, or one for another election', async () => {
    const b = valid();
    await refused(401, 'NO_TOKEN', () => cast(h, e.id, b, null));
    await refused(401, 'BAD_TOKEN', () => cast(h, e.id, b, 'not.a.jwt'));
    await refused(401, 'BAD_TOKEN', () =>
      h.api('POST', castPath(e.id), { ballot: b }, null, { authorization: 'Basic dm90ZXI6cHc=' }),
    );
    await refused(401, 'BAD_TOKEN', async () => cast(h, e.id, b, await voterToken(h, other, 0)));
    const expiring = (await issueVoterToken(h.server.ctx, e.id, 'late-voter')).token;
    h.now.value = new Date(VOTING_DAY_MORNING.getTime() + 16 * 60_000);
    try {
      await refused(401, 'TOKEN_EXPIRED', () => cast(h, e.id, b, expiring));
    } finally {
      h.now.value = VOTING_DAY_MORNING;
    }
    const token = await voterToken(h, e, 1);
    expect((await cast(h, e.id, valid(1), token)).status).toBe(201);
    await refused(401, 'TOKEN_USED', () => cast(h, e.id, valid(1, 2), token));
  });

  it('refuses when the election is not open: not yet opened, before the hours, after votingCloses', async () => {
    const b = valid();
    await refused(409, 'NOT_OPEN', () => castWithToken(b, 'draft-1'));
    await refused(404, 'NO_ELECTION', () => castWithToken(b, 'no-such-election'));
    const token = await voterToken(h, e, 0);
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
    const token = await voterToken(h, e, 0);
    await refused(400, 'BAD_JSON', () => h.api('POST', castPath(e.id), '{"ballot": {', token));
    const huge = JSON.stringify({ ballot: valid(), pad: 'x'.repeat(300 * 1024) });
    await refused(413, 'BODY_TOO_LARGE', () => h.api('POST', castPath(e.id), huge, token));
    const text = JSON.stringify({ ballot: valid() });
    await refused(400, 'BAD_REQUEST', () =>
      h.api('POST', castPath(e.id), text.slice(0, -1) + ',"__proto__":{"polluted":true}}', token),
    );
    // Inside the anchor: the one object of a ballot below its top level (contests are strings, §8.2).
    const nested = text.replace('"anchor":{', '"anchor":{"__proto__":{"polluted":true},');
    expect(nested).not.toBe(text);
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
      { ballot: { ...valid(), anchor: { seq: 1, hash: 'f'.repeat(64), at: 1 } } },
      { ballot: { ...valid(), anchor: { seq: '1', hash: 'f'.repeat(64) } } },
    ])
      await refused(400, 'BAD_REQUEST', () => h.api('POST', castPath(e.id), body, token));
    // A contest that is not one string (the earlier form: an object with its id, hex values), or a
    // record longer than any contest's, is off the schema; a record cut short is a crypto refusal, below.
    const f = contestFields(valid().contests[0]!);
    const hex = (o: Record<string, string>) =>
      Object.fromEntries(Object.entries(o).map(([k, v]) => [k, b64ToHex(v)]));
    const oldForm = {
      id: e.params.contests[0]!.id,
      choices: f.choices.map((c) => ({
        alpha: b64ToHex(c.alpha),
        beta: b64ToHex(c.beta),
        proof: hex(c.proof),
      })),
      sumProof: hex(f.sumProof),
    };
    for (const contests of [[oldForm], ['A'.repeat(contestChars(MAX_OPTIONS) + 4)], [7]])
      await refused(400, 'BAD_REQUEST', () => cast(h, e.id, { ...valid(), contests }, token));
  });
});

describe('refusals of the ballot itself', () => {
  it('refuses a ballot for another election', async () => {
    const forOther = buildBallot(other.params, other.credentials[0]!.keys, [0], anchorOf(other)).ballot;
    await refused(400, 'WRONG_ELECTION', () => castWithToken(forOther));
  });

  it('refuses strictly undecodable ballots (SPEC §8.3 step 3), whether or not the credential is listed', async () => {
    const outsider = deriveCredentialKeys(e.id, generateCredentialCode());
    const cases: [string, (b: BallotJson) => void][] = [
      ['CRYPTO_NON_CANONICAL', (b) => edit(b, (f) => (f.choices[1]!.alpha = NON_CANONICAL_POINT))],
      ['CRYPTO_IDENTITY', (b) => edit(b, (f) => (f.choices[2]!.beta = IDENTITY_POINT))],
      ['CRYPTO_NON_CANONICAL', (b) => edit(b, (f) => (f.choices[0]!.proof.a1 = NON_CANONICAL_POINT))],
      ['CRYPTO_SCALAR_RANGE', (b) => edit(b, (f) => (f.choices[0]!.proof.s0 = SCALAR_L))],
      ['CRYPTO_SCALAR_RANGE', (b) => edit(b, (f) => (f.sumProof.response = SCALAR_L))],
      ['CRYPTO_BAD_LENGTH', (b) => (b.contests[0] = b.contests[0]!.slice(0, -4))],
      ['CRYPTO_BAD_LENGTH', (b) => edit(b, (f) => void f.choices.pop())],
      // The record's bytes in hex (the earlier encoding) are the wrong length for base64url.
      ['CRYPTO_BAD_LENGTH', (b) => (b.contests[0] = b64ToHex(b.contests[0]!))],
      ['CRYPTO_BAD_BASE64', (b) => (b.contests[0] = `${b.contests[0]!.slice(0, -1)}=`)],
      ['CRYPTO_BAD_BASE64', (b) => (b.contests[0] = `/${b.contests[0]!.slice(1)}`)],
      ['CRYPTO_BAD_BASE64', (b) => (b.credential = withUnusedBits(b.credential))],
      ['CRYPTO_BAD_PARAMS', (b) => (b.version = 'saylau/v2' as 'saylau/v1')],
      ['CRYPTO_BAD_TYPE', (b) => (b.anchor.seq = -1)],
      ['CRYPTO_BAD_TYPE', (b) => (b.anchor.seq = 0.5)],
      ['CRYPTO_BAD_HEX', (b) => (b.anchor.hash = b.anchor.hash.toUpperCase())],
      ['CRYPTO_BAD_LENGTH', (b) => (b.anchor.hash = b.anchor.hash.slice(2))],
    ];
    for (const [code, change] of cases) {
      const listed = altered(change);
      const r = await refused(400, code, () => castWithToken(listed));
      expect(r.body.error.details.field).toMatch(/^ballot\./);
      const b = clone(buildBallot(e.params, outsider, [0], anchorOf()).ballot);
      change(b);
      await refused(400, code, () => castWithToken(resign(b, outsider)));
    }
    // A credential that is no Ed25519 key at all, or a key in the earlier hex form.
    await refused(400, 'CRYPTO_BAD_BASE64', () => castWithToken({ ...valid(), credential: '!'.repeat(43) }));
    await refused(400, 'CRYPTO_BAD_LENGTH', () =>
      castWithToken({ ...valid(), credential: bytesToHex(keysOf(0).publicKey) }),
    );
  });

  it('refuses a valid ballot whose credential is not on the published list', async () => {
    const outsider = deriveCredentialKeys(e.id, generateCredentialCode());
    await refused(403, 'UNKNOWN_CREDENTIAL', () =>
      castWithToken(buildBallot(e.params, outsider, [0], anchorOf()).ballot),
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
    edit(swapped, (f) => {
      const [c0, c1] = f.choices;
      f.choices[0] = c1!;
      f.choices[1] = c0!;
    });
    // The same 64 bytes of signature, spelt with non-zero unused bits: refused before verifying.
    await refused(400, 'CRYPTO_BAD_BASE64', () =>
      castWithToken({ ...b, signature: withUnusedBits(b.signature) }),
    );
    await refused(422, 'BAD_SIGNATURE', () => castWithToken(swapped));
  });

  it('refuses forged proofs: an altered response, an altered sum proof, proofs made for another credential', async () => {
    const bump = (text: string) => encodeScalar((decodeScalar(text, 's') + 1n) % ORDER);
    await refused(422, 'BAD_PROOF', () =>
      castWithToken(altered((b) => edit(b, (f) => (f.choices[2]!.proof.s1 = bump(f.choices[2]!.proof.s1))))),
    );
    await refused(422, 'BAD_PROOF', () =>
      castWithToken(altered((b) => edit(b, (f) => (f.sumProof.response = bump(f.sumProof.response))))),
    );
    await refused(422, 'BAD_PROOF', () =>
      castWithToken(altered((b) => edit(b, (f) => (f.choices[0]!.proof.c0 = encodeScalar(randomScalar()))))),
    );
    // Credential 1 takes credential 0's ballot and signs it as its own: the proofs name credential 0.
    const stolen = clone(valid(0));
    stolen.credential = keysOf(1).publicKeyText;
    await refused(422, 'BAD_PROOF', () => castWithToken(resign(stolen, keysOf(1))));
  });

  it('refuses a ballot reusing a ciphertext already on the board (COPIED_CIPHERTEXT), even with fresh proofs', async () => {
    // Voter holding credentials 3 and 4 casts, then re-encrypts one ciphertext under the other credential.
    const first = ballotOf(h, e, 3, [2]);
    expect((await castWithToken(first.ballot)).status).toBe(201);
    const nonces = [first.secrets.nonces[0]!.map((r, i) => (i === 0 ? r : randomScalar()))];
    const copy = ballotWithNonces(e.params, keysOf(4), [2], nonces, anchorOf());
    const [copied, original] = [copy.ballot, first.ballot].map(
      (b) => contestFields(b.contests[0]!).choices[0]!,
    );
    expect(copied!.alpha).toBe(original!.alpha);
    expect(copied!.proof).not.toEqual(original!.proof);
    await refused(409, 'COPIED_CIPHERTEXT', () => castWithToken(copy.ballot));
    // The same credential copying its own earlier ciphertext into a revote is refused too.
    const revote = ballotWithNonces(e.params, keysOf(3), [1], nonces, anchorOf());
    await refused(409, 'COPIED_CIPHERTEXT', () => castWithToken(revote.ballot));
    // A ballot repeating one ciphertext inside itself (valid proofs: both encrypt 0).
    const r = randomScalar();
    const twice = ballotWithNonces(
      e.params,
      keysOf(5),
      [3],
      [[r, r, randomScalar(), randomScalar()]],
      anchorOf(),
    );
    await refused(409, 'COPIED_CIPHERTEXT', () => castWithToken(twice.ballot));
    // The untouched re-encryption with fresh nonces goes through.
    const fresh = ballotWithNonces(
      e.params,
      keysOf(4),
      [2],
      [[1, 2, 3, 4].map(() => randomScalar())],
      anchorOf(),
    );
    expect((await castWithToken(fresh.ballot)).status).toBe(201);
  });
});

describe('the order of the checks (SPEC §10.9)', () => {
  it('reports the first failing check', async () => {
    const outsider = deriveCredentialKeys(e.id, generateCredentialCode());
    const undecodable = clone(buildBallot(e.params, outsider, [0], anchorOf()).ballot);
    edit(undecodable, (f) => (f.choices[0]!.alpha = NON_CANONICAL_POINT));
    // Schema before the election state; state before the token; token before the ballot.
    await refused(400, 'BAD_REQUEST', () => cast(h, 'draft-1', { nope: 1 }, null));
    await refused(409, 'NOT_OPEN', () => cast(h, 'draft-1', undecodable, null));
    await refused(401, 'NO_TOKEN', () => cast(h, e.id, undecodable, null));
    // The election id before decoding; decoding before the credential list.
    await refused(400, 'WRONG_ELECTION', () => castWithToken({ ...undecodable, election: other.id }));
    await refused(400, 'CRYPTO_NON_CANONICAL', () => castWithToken(undecodable));
    // The credential list before the signature.
    const unsigned = {
      ...buildBallot(e.params, outsider, [0], anchorOf()).ballot,
      signature: WRONG_SIGNATURE,
    };
    await refused(403, 'UNKNOWN_CREDENTIAL', () => castWithToken(unsigned));
    // The owner before the anchor, the anchor before the signature.
    const offBoard = { ...valid(8), anchor: { seq: 1, hash: 'cd'.repeat(32) }, signature: WRONG_SIGNATURE };
    await refused(403, 'NOT_YOUR_CREDENTIAL', async () => cast(h, e.id, offBoard, await voterToken(h, e, 9)));
    await refused(409, 'BAD_ANCHOR', () => castWithToken(offBoard));
    // The signature before the proofs; the proofs before copied ciphertexts.
    const first = ballotOf(h, e, 6, [0]);
    expect((await castWithToken(first.ballot)).status).toBe(201);
    const copy = ballotWithNonces(e.params, keysOf(7), [0], first.secrets.nonces, anchorOf());
    const badProof = clone(copy.ballot);
    edit(badProof, (f) => (f.choices[1]!.proof.s0 = encodeScalar(randomScalar())));
    await refused(422, 'BAD_SIGNATURE', () => castWithToken(badProof));
    await refused(422, 'BAD_PROOF', () => castWithToken(resign(badProof, keysOf(7))));
    await refused(409, 'COPIED_CIPHERTEXT', () => castWithToken(copy.ballot));
  });
});

describe('a credential belongs to one voter (SPEC §10.7, §10.9.2 step 5)', () => {
  it('one sign-in cannot cast with the credentials of other voters, even listed and validly signed', async () => {
    // Signed in as voter 0, with the letters of voters 1–4 in hand: every ballot refused, nothing written.
    for (const i of [1, 2, 3, 4]) {
      const token = await voterToken(h, e, 0);
      await refused(403, 'NOT_YOUR_CREDENTIAL', () => cast(h, e.id, valid(i, i % 4), token));
    }
    // The owner's own sign-in casts the same credential.
    expect((await cast(h, e.id, valid(10, 1), await voterToken(h, e, 10))).status).toBe(201);
  });

  it('refuses a sign-in without a bound credential, and a credential bound in another election', async () => {
    const stranger = (await issueVoterToken(h.server.ctx, e.id, 'not-a-roll-voter-ref00')).token;
    await refused(403, 'NOT_YOUR_CREDENTIAL', () => cast(h, e.id, valid(11), stranger));
    const elsewhere = buildBallot(e.params, other.credentials[0]!.keys, [0], anchorOf()).ballot;
    await refused(403, 'UNKNOWN_CREDENTIAL', async () => cast(h, e.id, elsewhere, await voterToken(h, e, 0)));
  });
});

describe('an audited ballot can never be cast (SPEC §8.5)', () => {
  it('refuses the audit data as a ballot, from the owner or anyone else, and it cannot be re-anchored by others', async () => {
    const encrypted = encryptBallot(e.params, keysOf(11).publicKey, [2]);
    const audit = JSON.parse(JSON.stringify(ballotAudit(encrypted)));
    for (const i of [11, 0])
      await refused(400, 'BAD_REQUEST', async () => cast(h, e.id, audit.ballot, await voterToken(h, e, i)));
    // Whoever sees the audit adds an anchor and signs with their own key: bound to another voter or
    // not the key the proofs name.
    const withAnchor = { ...audit.ballot, anchor: anchorOf() };
    const byOther = { ...withAnchor, signature: signDocument('ballot', withAnchor, keysOf(0).secretKey) };
    await refused(422, 'BAD_SIGNATURE', async () => cast(h, e.id, byOther, await voterToken(h, e, 11)));
    const relabelled = { ...withAnchor, credential: keysOf(0).publicKeyText };
    const own = { ...relabelled, signature: signDocument('ballot', relabelled, keysOf(0).secretKey) };
    await refused(422, 'BAD_PROOF', async () => cast(h, e.id, own, await voterToken(h, e, 0)));
  });
});

describe('board anchors (SPEC §10.9.2, "Anchor")', () => {
  const at = (anchor: { seq: number; hash: string }, i = 0, choice = 0) =>
    buildBallot(e.params, keysOf(i), [choice], anchor).ballot;

  it('refuses an anchor that is not on this board since voting opened (BAD_ANCHOR)', async () => {
    const head = anchorOf();
    const opened = h.server.ctx.board.firstSeq(e.id, 'voting-opened')!;
    const before = { seq: opened - 1, hash: h.server.ctx.board.hashAt(e.id, opened - 1)! };
    for (const anchor of [
      { seq: head.seq, hash: 'ab'.repeat(32) }, // a head this board never had
      { seq: head.seq + 1, hash: head.hash }, // beyond the head
      { seq: head.seq + 5000, hash: 'cd'.repeat(32) },
      before, // a real entry, but before voting opened
      { seq: 0, hash: h.server.ctx.board.hashAt(e.id, 0)! },
      { seq: head.seq, hash: h.server.ctx.board.hashAt(other.id, 0)! }, // another election's hash
    ])
      await refused(409, 'BAD_ANCHOR', () => castWithToken(at(anchor)));
    // The head itself, and the voting-opened entry, are fine.
    expect(
      (await castWithToken(at({ seq: opened, hash: h.server.ctx.board.hashAt(e.id, opened)! }, 0))).status,
    ).toBe(201);
  });

  it('refuses an anchor older than the same credential’s previous ballot (STALE_ANCHOR)', async () => {
    const old = anchorOf();
    expect((await castWithToken(at(old, 1, 0))).status).toBe(201);
    // The revote cites a head from before the first ballot: refused, and with a fresh head accepted.
    await refused(409, 'STALE_ANCHOR', () => castWithToken(at(old, 1, 1)));
    expect((await castWithToken(at(anchorOf(), 1, 1))).status).toBe(201);
    // Other credentials may still cite that older head.
    expect((await castWithToken(at(old, 2, 1))).status).toBe(201);
  });

  it(`refuses an anchor more than ${MAX_ANCHOR_AGE} entries behind (STALE_ANCHOR)`, async () => {
    const local = await startHarness();
    try {
      const f = castSetup(local, { id: 'busy', voters: 3 });
      const old = headAnchor(local, f.id);
      // The board moves on by MAX_ANCHOR_AGE entries (as if that many ballots came in meanwhile).
      local.server.ctx.db.transaction(() => {
        for (let i = 0; i < MAX_ANCHOR_AGE; i++) appendUntyped(local.server.ctx.board, f.id, 'filler', { i });
      })();
      const before = local.snapshot();
      const r = await cast(
        local,
        f.id,
        buildBallot(f.params, f.credentials[0]!.keys, [0], old).ballot,
        await voterToken(local, f, 0),
      );
      expect([r.status, r.body.error.code]).toEqual([409, 'STALE_ANCHOR']);
      expect(local.snapshot()).toEqual(before);
      // One entry younger is still within the bound: the ballot lands at old.seq + MAX_ANCHOR_AGE + 1.
      const next = { seq: old.seq + 1, hash: local.server.ctx.board.hashAt(f.id, old.seq + 1)! };
      const ok = await cast(
        local,
        f.id,
        buildBallot(f.params, f.credentials[1]!.keys, [0], next).ballot,
        await voterToken(local, f, 1),
      );
      expect([ok.status, ok.body.receipt.seq - next.seq]).toEqual([201, MAX_ANCHOR_AGE]);
    } finally {
      await closeCasting(local.server.ctx);
      await local.close();
    }
  });
});

describe('a token that keeps sending refused ballots stops working (SPEC §10.9.2)', () => {
  it(`allows ${MAX_REFUSALS_PER_TOKEN} refused ballots per token, then TOKEN_REVOKED before any proof check`, async () => {
    const token = await voterToken(h, e, 7);
    const forged = () => {
      const b = clone(valid(7));
      edit(b, (f) => (f.choices[0]!.proof.c0 = encodeScalar(randomScalar())));
      return resign(b, keysOf(7));
    };
    for (let i = 0; i < MAX_REFUSALS_PER_TOKEN; i++)
      await refused(422, 'BAD_PROOF', () => cast(h, e.id, forged(), token));
    // Even a valid ballot is refused now with this token; a new sign-in casts it.
    await refused(401, 'TOKEN_REVOKED', () => cast(h, e.id, valid(7), token));
    expect((await cast(h, e.id, valid(7), await voterToken(h, e, 7))).status).toBe(201);
  });
});

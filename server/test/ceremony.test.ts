/** Key ceremony over HTTP (SPEC §6, §10.6) with the trustee library: real keys, real state files. */
import { statSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  G,
  b64ToBytesStrict,
  bytesToB64,
  bytesToHex,
  decodeCommitments,
  decodeComplaint,
  decodeEncryptedShare,
  decodePoint,
  decodeScalar,
  encodePoint,
  encodeScalar,
  encryptShare,
  evaluatePolynomial,
  hexToBytesStrict,
  judgeComplaint,
  lagrangeCoefficient,
  mod,
  randomBytes,
  shareNonce,
} from '@saylau/crypto';
import { b64ToHex, flipByte, withUnusedBits } from '../../crypto/test/helpers.ts';
import { createElection } from '../src/index.ts';
import { unsigned } from '../src/ceremony/messages.ts';
import { ceremonyFingerprint, type EntryType } from '@saylau/protocol';
import {
  answerComplaints,
  checkCeremony,
  checkDealings,
  computeShare,
  deal,
  fetchCeremony,
  initTrustee,
  loadState,
  prepareDealing,
  registerTrustee,
  saveState,
  signMessage,
  TrusteeError,
  type StoredDealing,
  type TrusteeState,
  type VerifiedCeremony,
} from '@saylau/tools';
import {
  DISTRICT,
  ELECTION_DAY,
  expectRefused,
  startHarness,
  type ApiResponse,
  type Harness,
  registerTrustees,
  type TrusteeHandle,
} from '@saylau/test-kit';

/** n bytes of `byte`, in base64url (SPEC §1.2). */
const filled = (n: number, byte: number): string => bytesToB64(new Uint8Array(n).fill(byte));

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const path = (id: string, rest = '') => `/api/elections/${id}${rest}`;

async function setup(opts: { id?: string; n?: number; t?: number; start?: boolean } = {}) {
  const id = opts.id ?? 'cer-1';
  createElection(h.server.ctx, { id, district: DISTRICT, electionDay: ELECTION_DAY }, 'fixture');
  const commission = await h.signIn('commission', `${id}-chair`, { elections: [id] });
  const trustees = await registerTrustees(h, id, opts.n ?? 3);
  if (opts.start !== false) {
    const r = await h.api('POST', path(id, '/ceremony/start'), { t: opts.t ?? 2 }, commission);
    expect(r.status, r.text).toBe(201);
  }
  return { id, commission, trustees };
}

/** Refused with this status and code, and not one row written anywhere (harness.ts). */
const refused = (req: () => Promise<ApiResponse>, status: number, code: string) =>
  expectRefused(h, req, status, code);

async function prepared(id: string, x: TrusteeHandle) {
  const state = loadState(x.file);
  const c = checkCeremony(state, await fetchCeremony(x.api, id));
  return { state, c, d: prepareDealing(state, c) };
}

function resign<T extends { signature: string }>(state: TrusteeState, m: T): T {
  const body = unsigned(m);
  return signMessage(state, body) as unknown as T;
}

/** Replace dealer's box for `recipient` and keep the state file consistent, so the dealer can answer. */
async function dealWithBadBox(
  id: string,
  x: TrusteeHandle,
  recipient: number,
  bad: (
    d: StoredDealing,
    c: VerifiedCeremony,
  ) => { box: ReturnType<typeof encryptShare>['encrypted']; esk?: Uint8Array },
) {
  const { state, c, d } = await prepared(id, x);
  const { box, esk } = bad(d, c);
  d.message.shares = d.message.shares.map((s) =>
    s.recipient === recipient
      ? {
          dealer: box.dealer,
          recipient: box.recipient,
          ephemeralPublicKey: bytesToB64(box.ephemeralPublicKey),
          nonce: bytesToB64(box.nonce),
          box: bytesToB64(box.box),
        }
      : s,
  );
  if (esk) d.ephemeralSecretKeys[String(recipient)] = bytesToB64(esk);
  d.message = resign(state, d.message);
  state.dealing = d;
  saveState(x.file, state);
  expect(await deal(x.api, x.file)).toEqual({ dealer: x.index, posted: true });
}

/** A box holding f(j) + 1, properly encrypted: it opens, and fails the Feldman check. */
const wrongValue = (recipient: number) => (d: StoredDealing, c: VerifiedCeremony) => {
  const poly = d.polynomial.map((s) => decodeScalar(s, 'a'));
  const r = encryptShare(
    c.fp,
    d.message.dealer,
    recipient,
    mod(evaluatePolynomial(poly, recipient) + 1n),
    b64ToBytesStrict(c.trustees[recipient - 1]!.boxKey, 'boxKey', 32),
  );
  return { box: r.encrypted, esk: r.ephemeralSecretKey };
};

/** The honest box with its ciphertext replaced by random bytes: it does not open. */
const garbage = (recipient: number) => (d: StoredDealing, c: VerifiedCeremony) => {
  const es = decodeEncryptedShare(
    d.message.shares.find((s) => s.recipient === recipient),
    'box',
    c.n,
  );
  return { box: { ...es, box: randomBytes(48) } };
};

const board = (id: string, type: EntryType) => h.server.ctx.board.ofType(id, type);

/** x = Σ λ_j x_j over the given trustees must give the joint key (SPEC §6.8). */
function reconstructs(files: string[], publicKey: string): boolean {
  const states = files.map((f) => loadState(f));
  const S = states.map((s) => s.index!);
  const x = states.reduce(
    (acc, s) => mod(acc + lagrangeCoefficient(s.index!, S) * decodeScalar(s.share!.secret, 'x')),
    0n,
  );
  return encodePoint(G.multiply(x)) === publicKey;
}

describe('key ceremony, 3 trustees, t = 2', () => {
  it('publishes the joint key and public shares that match every final share', async () => {
    const { id, commission, trustees } = await setup();
    const view = (await h.api('GET', path(id, '/ceremony'))).body;
    expect(view.phase).toBe('dealing');
    expect(view.missing).toEqual([1, 2, 3]);
    const manifest = board(id, 'manifest')[0]!.hash;
    expect(view.ceremony.fingerprint).toBe(ceremonyFingerprint(id, manifest, 2, 3, view.ceremony.trustees));
    expect(board(id, 'ceremony')[0]!.payload).toEqual({
      t: 2,
      n: 3,
      trustees: view.ceremony.trustees,
      fingerprint: view.ceremony.fingerprint,
    });

    for (const x of trustees) expect(await deal(x.api, x.file)).toEqual({ dealer: x.index, posted: true });
    expect(await deal(trustees[0]!.api, trustees[0]!.file)).toEqual({ dealer: 1, posted: false });
    for (const x of trustees) {
      const r = await checkDealings(x.api, x.file);
      expect(r.complaints).toEqual([]);
      expect(r.received.sort()).toEqual([1, 2, 3].filter((i) => i !== x.index));
    }
    const fin = await h.api('POST', path(id, '/ceremony/finish'), {}, commission);
    expect(fin.status, fin.text).toBe(201);
    expect(fin.body.qualified).toEqual([1, 2, 3]);
    expect(board(id, 'joint-key')[0]!.payload).toEqual(fin.body);
    // K = Σ C_{i,0} over the three dealings on the board.
    const K = board(id, 'dkg-dealing')
      .map((e) => decodeCommitments((e.payload as { commitments: unknown }).commitments, 'c', { t: 2, n: 3 }))
      .reduce(
        (acc, c) => acc.add(c.coefficients[0]!.point),
        decodePoint(filled(32, 0), 'z', { allowIdentity: true }),
      );
    expect(fin.body.publicKey).toBe(encodePoint(K));

    for (const x of trustees) {
      const s = await computeShare(x.api, x.file);
      expect(s.publicKey).toBe(fin.body.publicKey);
      expect(s.publicShare).toBe(fin.body.publicShares[x.index - 1].key);
      const state = loadState(x.file);
      expect(state.dealing).toBeNull(); // dealing secrets erased (SPEC §6.3)
      expect(state.received).toEqual({});
      expect(statSync(x.file).mode & 0o777).toBe(0o600);
    }
    const files = trustees.map((x) => x.file);
    expect(reconstructs([files[0]!, files[1]!], fin.body.publicKey)).toBe(true);
    expect(reconstructs([files[0]!, files[2]!], fin.body.publicKey)).toBe(true);
    expect(reconstructs([files[1]!, files[2]!], fin.body.publicKey)).toBe(true);

    const after = (await h.api('GET', path(id, '/ceremony'))).body;
    expect(after.phase).toBe('finished');
    expect(after.jointKey).toEqual(fin.body);
    expect(h.server.ctx.board.ofType(id, 'trustee')).toHaveLength(3);
    expect([...h.server.ctx.board.entries(id)].map((e) => e.type)).toEqual([
      'manifest',
      'trustee',
      'trustee',
      'trustee',
      'ceremony',
      'dkg-dealing',
      'dkg-dealing',
      'dkg-dealing',
      'joint-key',
    ]);
    // No trustee secret ever reached the server.
    const text = [...h.server.ctx.board.exportLines(id)].join('') + h.logs.join('\n');
    for (const f of files) {
      const st = JSON.parse(readFileSync(f, 'utf8')) as TrusteeState;
      for (const secret of [st.signingSecretKey, st.boxSecretKey, st.share!.secret])
        expect(text.includes(secret)).toBe(false);
    }
    await refused(
      () => h.api('POST', path(id, '/ceremony/finish'), {}, commission),
      409,
      'CEREMONY_FINISHED',
    );
    const { d } = await prepared(id, trustees[0]!);
    await refused(
      () => h.api('POST', path(id, '/ceremony/dealings'), d.message, trustees[0]!.token),
      409,
      'CEREMONY_FINISHED',
    );
  });

  it('refuses bad registrations, writing nothing', async () => {
    const id = 'reg-1';
    createElection(h.server.ctx, { id, district: DISTRICT, electionDay: ELECTION_DAY }, 'fixture');
    const commission = await h.signIn('commission', 'chair', { elections: [id] });
    const [t1] = await registerTrustees(h, id, 1);
    const good = { name: 'T', signingKey: loadState(t1!.file).signingKey, boxKey: filled(32, 0xab) };
    const other = await h.signIn('trustee', 'other', { elections: [id] });
    const uninvited = await h.signIn('trustee', 'uninvited');
    const post = (body: unknown, token: string | null) => () =>
      h.api('POST', path(id, '/trustees'), body, token);
    await refused(post(good, null), 401, 'NOT_SIGNED_IN');
    await refused(post(good, commission), 403, 'FORBIDDEN');
    await refused(post({ ...good, signingKey: encodePoint(G) }, uninvited), 403, 'NOT_GRANTED');
    await refused(post(good, t1!.token), 409, 'ALREADY_REGISTERED');
    await refused(post(good, other), 409, 'DUPLICATE_KEY');
    await refused(post({ ...good, signingKey: filled(32, 0) }, other), 400, 'BAD_KEY'); // small order
    await refused(post({ ...good, signingKey: filled(32, 0xff) }, other), 400, 'BAD_KEY'); // not canonical
    await refused(post({ ...good, boxKey: filled(32, 0) }, other), 400, 'BAD_KEY');
    // A second spelling of a key (non-zero unused bits) would pass a reuse check that compares text.
    await refused(post({ ...good, boxKey: withUnusedBits(filled(32, 0x77)) }, other), 400, 'BAD_KEY');
    await refused(post({ ...good, signingKey: withUnusedBits(good.signingKey) }, other), 400, 'BAD_KEY');
    // The earlier hex form, padding, the standard alphabet: off the schema.
    for (const boxKey of [
      'ab'.repeat(32),
      `${filled(32, 0xab).slice(0, 42)}=`,
      `+${filled(32, 0xab).slice(1)}`,
    ])
      await refused(post({ ...good, boxKey }, other), 400, 'BAD_REQUEST');
    await refused(post({ ...good, extra: 1 }, other), 400, 'BAD_REQUEST');
    // An unknown election is one this trustee holds no grant on (SPEC §10.13).
    await refused(() => h.api('POST', path('nope', '/trustees'), good, other), 403, 'NOT_GRANTED');
    // The library's registration is idempotent: same index, nothing new written.
    const before = h.snapshot();
    expect(await registerTrustee(t1!.api, t1!.file)).toEqual({ index: 1 });
    expect(h.snapshot()).toEqual(before);
    expect(() => initTrustee(t1!.file, { election: id, name: 'again' })).toThrow(TrusteeError);

    await refused(
      () => h.api('POST', path(id, '/ceremony/start'), { t: 2 }, commission),
      409,
      'NOT_ENOUGH_TRUSTEES',
    );
  });

  it('refuses a bad start: t > n, t < 2, wrong role, twice', async () => {
    const { id, commission, trustees } = await setup({ start: false });
    const start = (body: unknown, token: string) => () =>
      h.api('POST', path(id, '/ceremony/start'), body, token);
    await refused(start({ t: 4 }, commission), 400, 'BAD_THRESHOLD');
    await refused(start({ t: 1 }, commission), 400, 'BAD_THRESHOLD');
    await refused(start({ t: 2.5 }, commission), 400, 'BAD_REQUEST');
    await refused(start({ t: 2 }, trustees[0]!.token), 403, 'FORBIDDEN');
    // A dealing before the start: there is no ceremony to deal in.
    const fake = {
      dealer: 1,
      commitments: {
        dealer: 1,
        coefficients: [0, 1].map(() => ({
          point: encodePoint(G),
          proof: { commitment: encodePoint(G), response: encodeScalar(1n) },
        })),
      },
      shares: [],
      signature: filled(64, 0),
    };
    await refused(
      () => h.api('POST', path(id, '/ceremony/dealings'), fake, trustees[0]!.token),
      409,
      'NO_CEREMONY',
    );
    await refused(() => h.api('POST', path(id, '/ceremony/finish'), {}, commission), 409, 'NO_CEREMONY');
    expect((await h.api('POST', path(id, '/ceremony/start'), { t: 3 }, commission)).status).toBe(201);
    await refused(start({ t: 2 }, commission), 409, 'CEREMONY_STARTED');
    const late = await h.signIn('trustee', 'late', { elections: [id] });
    await refused(
      () =>
        h.api(
          'POST',
          path(id, '/trustees'),
          { name: 'L', signingKey: encodePoint(G), boxKey: filled(32, 0xcd) },
          late,
        ),
      409,
      'CEREMONY_STARTED',
    );
  });

  it('refuses every malformed or dishonest dealing, writing nothing', async () => {
    const { id, commission, trustees } = await setup();
    const [t1, t2] = trustees as [TrusteeHandle, TrusteeHandle, TrusteeHandle];
    const { state, c, d } = await prepared(id, t1);
    const post =
      (m: unknown, token = t1.token) =>
      () =>
        h.api('POST', path(id, '/ceremony/dealings'), m, token);
    const m = d.message;
    const outsider = await h.signIn('trustee', 'outsider', { elections: [id] });
    const uninvited = await h.signIn('trustee', 'uninvited');

    await refused(post(m, commission), 403, 'FORBIDDEN');
    await refused(post(m, uninvited), 403, 'NOT_GRANTED');
    await refused(post(m, outsider), 403, 'NOT_A_TRUSTEE');
    await refused(post(m, t2.token), 403, 'NOT_YOUR_INDEX');
    await refused(post({ ...m, signature: flipByte(m.signature, 63) }), 400, 'BAD_SIGNATURE');
    await refused(post(resign(loadState(t2.file), m)), 400, 'BAD_SIGNATURE');
    // The earlier hex form is off the schema; the same bytes spelt with unused bits set are no signature.
    await refused(post({ ...m, signature: b64ToHex(m.signature) }), 400, 'BAD_REQUEST');
    await refused(post({ ...m, signature: withUnusedBits(m.signature) }), 400, 'BAD_SIGNATURE');
    // An altered proof, swapped coefficients, a wrong count: refused even when properly signed.
    const coeffs = m.commitments.coefficients;
    const alteredProof = structuredClone(m);
    alteredProof.commitments.coefficients[1]!.proof.response = encodeScalar(12345n);
    await refused(post(resign(state, alteredProof)), 400, 'BAD_COMMITMENTS');
    const swapped = { ...m, commitments: { dealer: 1, coefficients: [coeffs[1]!, coeffs[0]!] } };
    await refused(post(resign(state, swapped)), 400, 'BAD_COMMITMENTS');
    const three = { ...m, commitments: { dealer: 1, coefficients: [...coeffs, coeffs[0]!] } };
    await refused(post(resign(state, three)), 400, 'BAD_COMMITMENTS');
    const otherDealer = { ...m, commitments: { ...m.commitments, dealer: 2 } };
    await refused(post(resign(state, otherDealer)), 400, 'BAD_COMMITMENTS');
    // Shares: one missing, one twice, one to the dealer itself, a wrong nonce, a reused ephemeral key.
    const [s2, s3] = m.shares as [(typeof m.shares)[number], (typeof m.shares)[number]];
    const missing = await refused(post(resign(state, { ...m, shares: [s2] })), 400, 'BAD_SHARES');
    expect(missing.body.error.details).toEqual({ missing: [3] });
    await refused(post(resign(state, { ...m, shares: [s2, { ...s3, recipient: 2 }] })), 400, 'BAD_SHARES');
    await refused(
      post(resign(state, { ...m, shares: [s2, s3, { ...s3, recipient: 1 }] })),
      400,
      'BAD_SHARES',
    );
    await refused(post(resign(state, { ...m, shares: [s2, { ...s3, nonce: s2.nonce }] })), 400, 'BAD_SHARES');
    const E = b64ToBytesStrict(s2.ephemeralPublicKey, 'E', 32);
    const sameE = {
      ...s3,
      ephemeralPublicKey: s2.ephemeralPublicKey,
      nonce: bytesToB64(shareNonce(c.fp, 1, 3, E)),
    };
    await refused(post(resign(state, { ...m, shares: [s2, sameE] })), 400, 'REUSED_EPHEMERAL_KEY');

    // The honest dealing is accepted once.
    expect((await h.api('POST', path(id, '/ceremony/dealings'), m, t1.token)).status).toBe(201);
    await refused(post(m), 409, 'ALREADY_DEALT');
    // No complaint about a dealer who has not dealt.
    const st3 = loadState(trustees[2]!.file);
    const early = signMessage(st3, {
      ceremony: c.fingerprint,
      dealer: 2,
      recipient: 3,
      sharedKey: filled(32, 0xab),
    });
    await refused(
      () => h.api('POST', path(id, '/ceremony/complaints'), early, trustees[2]!.token),
      409,
      'NO_DEALING',
    );
    // Dealer 2 may not reuse an ephemeral key of dealer 1's boxes either.
    const p2 = await prepared(id, t2);
    const s23 = p2.d.message.shares.find((s) => s.recipient === 3)!;
    const copied = {
      ...s23,
      ephemeralPublicKey: s2.ephemeralPublicKey,
      nonce: bytesToB64(shareNonce(c.fp, 2, 3, E)),
    };
    const m2 = resign(p2.state, {
      ...p2.d.message,
      shares: p2.d.message.shares.map((s) => (s.recipient === 3 ? copied : s)),
    });
    await refused(post(m2, t2.token), 400, 'REUSED_EPHEMERAL_KEY');

    const fin = await refused(
      () => h.api('POST', path(id, '/ceremony/finish'), {}, commission),
      409,
      'DEALINGS_MISSING',
    );
    expect(fin.body.error.details).toEqual({ missing: [2, 3] });
    await refused(() => h.api('POST', path(id, '/ceremony/finish'), {}, t1.token), 403, 'FORBIDDEN');
  });
});

describe('complaints (SPEC §6.5)', () => {
  it('a cheating dealer is convicted by the complaint, left out of QUAL, and the key still comes', async () => {
    const { id, commission, trustees } = await setup();
    const [t1, t2, t3] = trustees as [TrusteeHandle, TrusteeHandle, TrusteeHandle];
    await dealWithBadBox(id, t1, 3, wrongValue(3));
    await deal(t2.api, t2.file);
    await deal(t3.api, t3.file);
    expect((await checkDealings(t1.api, t1.file)).complaints).toEqual([]);
    expect((await checkDealings(t2.api, t2.file)).complaints).toEqual([]);
    const r3 = await checkDealings(t3.api, t3.file);
    expect(r3.received).toEqual([2]);
    expect(r3.complaints).toEqual([{ dealer: 1, status: 'dealer-at-fault', reason: 'feldman' }]);

    // Anyone reaches the same verdict from the board alone.
    const [complaint] = board(id, 'dkg-complaint');
    const p = complaint!.payload as { dealer: number; recipient: number; sharedKey: string };
    const dealing = board(id, 'dkg-dealing').find((e) => (e.payload as { dealer: number }).dealer === 1)!
      .payload as { commitments: unknown; shares: unknown[] };
    const fp = hexToBytesStrict(
      (board(id, 'ceremony')[0]!.payload as { fingerprint: string }).fingerprint,
      'fp',
      32,
    );
    const es = dealing.shares.map((s) => decodeEncryptedShare(s, 's', 3)).find((s) => s.recipient === 3)!;
    const verdict = judgeComplaint(
      fp,
      decodeComplaint({ dealer: p.dealer, recipient: p.recipient, sharedKey: p.sharedKey }, 'c', 3),
      es,
      decodeCommitments(dealing.commitments, 'c', { t: 2, n: 3 }),
    );
    expect(verdict).toEqual({ verdict: 'dealer-at-fault', reason: 'feldman' });

    // Nothing to answer: the verdict is final.
    expect(await answerComplaints(t1.api, t1.file)).toEqual([]);
    const st1 = loadState(t1.file);
    const ans = signMessage(st1, {
      ceremony: bytesToHex(fp),
      dealer: 1,
      recipient: 3,
      ephemeralSecretKey: st1.dealing!.ephemeralSecretKeys['3']!,
    });
    await refused(() => h.api('POST', path(id, '/ceremony/answers'), ans, t1.token), 409, 'NO_ANSWER_NEEDED');
    // A second run does not complain twice.
    expect((await checkDealings(t3.api, t3.file)).complaints).toEqual([
      { dealer: 1, status: 'dealer-at-fault', reason: 'feldman' },
    ]);
    expect(board(id, 'dkg-complaint')).toHaveLength(1);

    expect((await h.api('GET', path(id, '/ceremony'))).body.disqualified).toEqual([1]);
    const fin = await h.api('POST', path(id, '/ceremony/finish'), {}, commission);
    expect(fin.status, fin.text).toBe(201);
    expect(fin.body.qualified).toEqual([2, 3]);
    for (const x of trustees) await computeShare(x.api, x.file); // the cheater still holds a good share
    expect(reconstructs([t1.file, t3.file], fin.body.publicKey)).toBe(true);
    expect(reconstructs([t2.file, t3.file], fin.body.publicKey)).toBe(true);
  });

  it('an unproven complaint is answered and the dealer cleared; bad complaints and answers are refused', async () => {
    const { id, commission, trustees } = await setup();
    const [t1, t2, t3] = trustees as [TrusteeHandle, TrusteeHandle, TrusteeHandle];
    for (const x of trustees) await deal(x.api, x.file);
    await checkDealings(t3.api, t3.file);
    const fingerprint = (await h.api('GET', path(id, '/ceremony'))).body.ceremony.fingerprint as string;
    const s2 = loadState(t2.file);
    // Trustee 2 lies: a key that does not open dealer 1's box.
    const lie = signMessage(s2, {
      ceremony: fingerprint,
      dealer: 1,
      recipient: 2,
      sharedKey: bytesToB64(randomBytes(32)),
    });
    const c = (body: unknown, token: string) => () =>
      h.api('POST', path(id, '/ceremony/complaints'), body, token);
    await refused(c(lie, t3.token), 403, 'NOT_YOUR_INDEX');
    await refused(
      c({ ...lie, signature: resign(loadState(t3.file), lie).signature }, t2.token),
      400,
      'BAD_SIGNATURE',
    );
    await refused(c(resign(s2, { ...lie, ceremony: 'ab'.repeat(32) }), t2.token), 400, 'WRONG_CEREMONY');
    await refused(c(resign(s2, { ...lie, dealer: 2 }), t2.token), 400, 'BAD_COMPLAINT');
    const posted = await h.api('POST', path(id, '/ceremony/complaints'), lie, t2.token);
    expect(posted.status, posted.text).toBe(201);
    expect(posted.body).toEqual({
      dealer: 1,
      recipient: 2,
      status: 'awaiting-answer',
      reason: 'does-not-open',
    });
    await refused(c(lie, t2.token), 409, 'ALREADY_COMPLAINED');

    const pending = await refused(
      () => h.api('POST', path(id, '/ceremony/finish'), {}, commission),
      409,
      'ANSWERS_PENDING',
    );
    expect(pending.body.error.details).toEqual({ pending: [{ dealer: 1, recipient: 2 }] });

    const s1 = loadState(t1.file);
    const a = (body: unknown, token: string) => () =>
      h.api('POST', path(id, '/ceremony/answers'), body, token);
    const esk = s1.dealing!.ephemeralSecretKeys;
    const answer = signMessage(s1, {
      ceremony: fingerprint,
      dealer: 1,
      recipient: 2,
      ephemeralSecretKey: esk['2']!,
    });
    await refused(a(answer, t3.token), 403, 'NOT_YOUR_INDEX');
    await refused(
      a(
        signMessage(s1, { ceremony: fingerprint, dealer: 1, recipient: 3, ephemeralSecretKey: esk['3']! }),
        t1.token,
      ),
      409,
      'NO_COMPLAINT',
    );
    await refused(a({ ...answer, signature: lie.signature }, t1.token), 400, 'BAD_SIGNATURE');

    expect(await answerComplaints(t1.api, t1.file)).toEqual([
      { recipient: 2, dealer: 1, status: 'complaint-rejected', reason: 'valid-share' },
    ]);
    await refused(a(answer, t1.token), 409, 'ALREADY_ANSWERED');
    const view = (await h.api('GET', path(id, '/ceremony'))).body;
    expect(view.complaints[0].status).toBe('complaint-rejected');
    expect(view.complaints[0].answer.verdict).toEqual({
      verdict: 'complaint-rejected',
      reason: 'valid-share',
    });
    expect(view.disqualified).toEqual([]);

    await checkDealings(t1.api, t1.file);
    const r2 = await checkDealings(t2.api, t2.file); // its complaint stands as rejected; dealer 3's share is kept
    expect(r2.received).toEqual([3]);
    const fin = await h.api('POST', path(id, '/ceremony/finish'), {}, commission);
    expect(fin.body.qualified).toEqual([1, 2, 3]);
    // Trustee 2 never kept dealer 1's share: it recovers it from its box.
    for (const x of trustees) await computeShare(x.api, x.file);
    expect(reconstructs([t1.file, t2.file], fin.body.publicKey)).toBe(true);
  });

  it('a box that does not open: the answer convicts the dealer', async () => {
    const { id, commission, trustees } = await setup();
    const [t1, t2, t3] = trustees as [TrusteeHandle, TrusteeHandle, TrusteeHandle];
    await dealWithBadBox(id, t1, 3, garbage(3));
    await deal(t2.api, t2.file);
    await deal(t3.api, t3.file);
    expect((await checkDealings(t3.api, t3.file)).complaints).toEqual([
      { dealer: 1, status: 'awaiting-answer', reason: 'does-not-open' },
    ]);
    expect(await answerComplaints(t1.api, t1.file)).toEqual([
      { recipient: 3, dealer: 1, status: 'dealer-at-fault', reason: 'does-not-open' },
    ]);
    const fin = await h.api('POST', path(id, '/ceremony/finish'), {}, commission);
    expect(fin.body.qualified).toEqual([2, 3]);
    await checkDealings(t2.api, t2.file);
    for (const x of trustees) await computeShare(x.api, x.file);
  });

  it('force: an unanswered complaint and a missing dealing leave those dealers out', async () => {
    const { id, commission, trustees } = await setup({ n: 4, t: 2 });
    const [t1, t2, t3] = trustees as [TrusteeHandle, TrusteeHandle, TrusteeHandle, TrusteeHandle];
    await dealWithBadBox(id, t1, 3, garbage(3));
    await deal(t2.api, t2.file);
    await deal(t3.api, t3.file);
    await checkDealings(t3.api, t3.file);
    const finish = (body: unknown) => () => h.api('POST', path(id, '/ceremony/finish'), body, commission);
    await refused(finish({}), 409, 'DEALINGS_MISSING');
    await refused(finish({ force: 'yes' }), 400, 'BAD_REQUEST');
    const fin = await h.api('POST', path(id, '/ceremony/finish'), { force: true }, commission);
    expect(fin.status, fin.text).toBe(201);
    expect(fin.body.qualified).toEqual([2, 3]);
    expect(fin.body.publicShares).toHaveLength(4);
    const view = (await h.api('GET', path(id, '/ceremony'))).body;
    expect(view.disqualified).toEqual([1]); // no-answer at the joint key
    expect(view.missing).toEqual([4]);
    // Trustee 4 never dealt, yet holds a share of the key.
    for (const x of trustees) {
      await checkDealings(x.api, x.file);
      await computeShare(x.api, x.file);
    }
    expect(reconstructs([trustees[3]!.file, t1.file], fin.body.publicKey)).toBe(true);
  });

  it('fewer than t qualified dealers: NOT_ENOUGH_QUALIFIED and no joint key', async () => {
    const { id, commission, trustees } = await setup({ n: 3, t: 3 });
    const [t1, t2, t3] = trustees as [TrusteeHandle, TrusteeHandle, TrusteeHandle];
    await dealWithBadBox(id, t1, 2, wrongValue(2));
    await deal(t2.api, t2.file);
    await deal(t3.api, t3.file);
    await checkDealings(t2.api, t2.file);
    const r = await refused(
      () => h.api('POST', path(id, '/ceremony/finish'), {}, commission),
      409,
      'NOT_ENOUGH_QUALIFIED',
    );
    expect(r.body.error.details).toEqual({ dealt: [1, 2, 3], disqualified: [1] });
    await expect(computeShare(t2.api, t2.file)).rejects.toMatchObject({ code: 'NO_JOINT_KEY' });
  });
});

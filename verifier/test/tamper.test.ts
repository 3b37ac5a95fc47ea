/**
 * Tamper suite: one real demo election (40 voters over HTTP), then one edit per case, as
 * a raw file edit (the hash chain catches it) or as a server that re-hashes the chain after the edit
 * (the content checks, signed checkpoints or `since` catch it). Each case asserts exit code 1 and the
 * check id that must report it, at the tampered entry's seq where that is unambiguous. The untouched
 * board must pass, so a verifier that fails everything does not pass this suite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '@saylau/tools';
import { startServer } from '@saylau/server';
import { b64ToBytesStrict, decodeTags, encodeTags, sortTags } from '@saylau/crypto';
import { verifyBoard, type Report } from '../src/index.ts';
import {
  bumpScalar,
  countedBallotIndices,
  editContest,
  expectCaught,
  flipByte,
  flipHex,
  hexBallot,
  foreignBallot,
  indexOfType,
  keysOf,
  lastIndexOfType,
  loadDemoFixture,
  NON_CANONICAL_POINT,
  parseBoard,
  randomPoint,
  randomSignature,
  rechain,
  resignBallot,
  resignTrusteeMessage,
  serialiseBoard,
  summary,
  tamper,
  toHex,
  withUnusedBits,
  type DemoFixture,
  type Entry,
} from './tamper-helpers.ts';

interface SignedCheckpoint {
  checkpoint: { election: string; seq: number; head: string };
  signature: string;
}

let dir = '';
let fx: DemoFixture;
let text = '';
let checkpoint: SignedCheckpoint;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'saylau-tamper-'));
  await runDemo({ voters: 40, outDir: dir, seed: 11, revoteShare: 0.15 });
  fx = loadDemoFixture(dir);
  text = fx.text;
  // The demo's server is closed; its key lives in the data directory, so a restarted server signs the head.
  const server = await startServer({ dataDir: join(dir, 'data'), log: () => undefined });
  try {
    const res = await fetch(`${server.url}/api/elections/${fx.election}/board/head`);
    expect(res.status).toBe(200);
    checkpoint = (await res.json()) as SignedCheckpoint;
  } finally {
    await server.close();
  }
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Exit code 1 and at least one of `checks` reported. */
function expectCaughtByOneOf(r: Report, checks: string[]): void {
  expect(r.exitCode, summary(r)).toBe(1);
  expect(
    r.failures.some((f) => checks.includes(f.check)),
    `expected one of ${checks.join(', ')}\n${summary(r)}`,
  ).toBe(true);
}

const notReported = (r: Report, check: string) =>
  expect(
    r.failures.filter((f) => f.check === check),
    summary(r),
  ).toEqual([]);

/** The n-th ballot entry's index (= its seq on the untouched board). */
const ballotAt = (n: number) => indexOfType(fx.entries, 'ballot', n);

describe('the untouched board', () => {
  it('passes with exit code 0 and no failure', async () => {
    const r = await verifyBoard(text);
    expect(r.failures, summary(r)).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.election).toBe(fx.election);
    expect(r.entries).toBe(fx.entries.length);
    expect(r.ballots).toBe(fx.entries.filter((e) => e.type === 'ballot').length);
    expect(r.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('reports the checks that had nothing to check as skipped, with the reason, not as passed', async () => {
    const r = await verifyBoard(text);
    const status = (id: string) => r.checks.find((c) => c.id === id);
    // No checkpoint or earlier export given; the demo's ceremony ran once without complaints.
    for (const [id, key] of [
      ['2.4', 'noteNoCheckpoint'],
      ['2.6', 'noteNoSince'],
      ['4.4', 'skipNoComplaint'],
      ['4.6', 'skipNoReset'],
      ['4.7', 'skipNoReset'],
    ] as const) {
      expect(status(id)?.status, id).toBe('skipped');
      expect(status(id)?.noteKey, id).toBe(key);
    }
    // The checks that did check something pass.
    for (const id of ['2.3', '4.3', '4.5', '7.4', '8.2', '10.2']) expect(status(id)?.status, id).toBe('pass');
    expect(r.exitCode).toBe(0);
  });

  it('a check with something to check is not skipped, and a failure is never hidden by a skip', async () => {
    // A checkpoint given: 2.4 checks it and passes; a tampered one fails 2.4, not skipped.
    const given = await verifyBoard(text, { checkpoints: [checkpoint] });
    expect(given.checks.find((c) => c.id === '2.4')?.status).toBe('pass');
    const forged = {
      checkpoint: { ...checkpoint.checkpoint, seq: checkpoint.checkpoint.seq - 1 },
      signature: checkpoint.signature,
    };
    const bad = await verifyBoard(text, { checkpoints: [forged] });
    expect(bad.checks.find((c) => c.id === '2.4')?.status).toBe('fail');
    expect(bad.exitCode).toBe(1);
  });

  it('passes with a genuine checkpoint signed by the server', async () => {
    expect(checkpoint.checkpoint.head).toBe(fx.entries.at(-1)!.hash);
    const r = await verifyBoard(text, { checkpoints: [checkpoint] });
    expect(r.failures, summary(r)).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.checks.find((c) => c.id === '2.4')?.status).toBe('pass');
  });

  it('passes when it extends an earlier export (since)', async () => {
    const earlier = serialiseBoard(fx.entries.slice(0, ballotAt(5)));
    const r = await verifyBoard(text, { since: earlier });
    expect(r.failures, summary(r)).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.checks.find((c) => c.id === '2.6')?.status).toBe('pass');
  });
});

describe('the hash chain (raw edits)', () => {
  it('a flipped character in a ballot ciphertext → 2.3', async () => {
    const s = ballotAt(3);
    const bad = tamper(
      text,
      (es) => {
        editContest(es[s]!.payload, 0, (f) => (f.choices[1]!.beta = flipByte(f.choices[1]!.beta, 5)));
        return s;
      },
      { rehash: false },
    );
    expectCaught(await verifyBoard(bad), '2.3', { seq: s });
  });

  it('a duplicated ballot line → 2.1', async () => {
    const s = ballotAt(4);
    const bad = tamper(
      text,
      (es) => {
        es.splice(s + 1, 0, structuredClone(es[s]!));
        return s + 1;
      },
      { rehash: false },
    );
    expectCaught(await verifyBoard(bad), '2.1');
  });

  it('a deleted ballot line → 2.2', async () => {
    const s = ballotAt(6);
    const bad = tamper(
      text,
      (es) => {
        es.splice(s, 1);
        return s;
      },
      { rehash: false },
    );
    expectCaught(await verifyBoard(bad), '2.2');
  });

  it('two entries swapped → 2.1 / 2.2', async () => {
    const s = ballotAt(7);
    const bad = tamper(
      text,
      (es) => {
        [es[s], es[s + 1]] = [es[s + 1]!, es[s]!];
        return s;
      },
      { rehash: false },
    );
    expectCaughtByOneOf(await verifyBoard(bad), ['2.1', '2.2']);
  });
});

describe('ballots (chain re-hashed by the server)', () => {
  it('a flipped character in a ballot ciphertext, chain re-hashed after it → 7.1 / 7.3', async () => {
    const s = ballotAt(3);
    const bad = tamper(
      text,
      (es) => {
        editContest(es[s]!.payload, 0, (f) => (f.choices[1]!.beta = flipByte(f.choices[1]!.beta, 5)));
        return s;
      },
      { rehash: true },
    );
    const r = await verifyBoard(bad);
    // The flipped encoding is either no point at all (7.1) or another point under the old signature (7.3).
    expectCaughtByOneOf(r, ['7.1', '7.3']);
    expect(r.failures.filter((f) => f.check.startsWith('7.')).map((f) => f.seq)).toContain(s);
    notReported(r, '2.3');
  });

  it('a ciphertext replaced by another valid point, ballot re-signed → 7.4', async () => {
    const s = ballotAt(3);
    const bad = tamper(
      text,
      (es) => {
        const b = es[s]!.payload;
        editContest(b, 0, (f) => (f.choices[2]!.alpha = randomPoint()));
        es[s]!.payload = resignBallot(b, keysOf(fx, b));
        return s;
      },
      { rehash: true },
    );
    const r = await verifyBoard(bad);
    expectCaught(r, '7.4', { seq: s });
    notReported(r, '2.3');
    notReported(r, '7.1');
    notReported(r, '7.3');
  });

  it('a ciphertext replaced by another valid point, not re-signed → 7.3', async () => {
    const s = ballotAt(8);
    const bad = tamper(
      text,
      (es) => {
        editContest(es[s]!.payload, 0, (f) => (f.choices[0]!.beta = randomPoint()));
        return s;
      },
      { rehash: true },
    );
    expectCaught(await verifyBoard(bad), '7.3', { seq: s });
  });

  it('a non-canonical point in a ciphertext → 7.1', async () => {
    const s = ballotAt(9);
    const bad = tamper(
      text,
      (es) => {
        const b = es[s]!.payload;
        editContest(b, 0, (f) => (f.choices[1]!.alpha = NON_CANONICAL_POINT));
        es[s]!.payload = resignBallot(b, keysOf(fx, b));
        return s;
      },
      { rehash: true },
    );
    expectCaught(await verifyBoard(bad), '7.1', { seq: s });
  });

  // SPEC §1.2: one spelling per byte string. Each case is re-signed by the voter and re-chained, so
  // only the encoding is wrong; the bytes are those of the honest ballot.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads are edited as free-form JSON
  const respelt: [string, (b: any) => any][] = [
    [
      'the earlier hex form of the whole ballot',
      (b) =>
        hexBallot(
          b,
          fx.params.contests.map((c) => c.id),
        ),
    ],
    ['the earlier hex form of the credential', (b) => ({ ...b, credential: toHex(b.credential) })],
    ['the credential with non-zero unused bits', (b) => ({ ...b, credential: withUnusedBits(b.credential) })],
    [
      'the contest record in the standard base64 alphabet',
      (b) => ({ ...b, contests: [b.contests[0].replace(/-/g, '+').replace(/_/g, '/')] }),
    ],
    ['the contest record padded', (b) => ({ ...b, contests: [`${b.contests[0]}=`] })],
  ];
  for (const [what, respell] of respelt)
    it(`${what}, re-signed and re-chained → 7.1`, async () => {
      const s = ballotAt(9);
      const bad = tamper(
        text,
        (es) => {
          const b = es[s]!.payload;
          es[s]!.payload = resignBallot(respell(b), keysOf(fx, b));
          return s;
        },
        { rehash: true },
      );
      const r = await verifyBoard(bad);
      expectCaught(r, '7.1', { seq: s });
      notReported(r, '2.3');
    });

  it('the signature with non-zero unused bits (the same 64 bytes), re-chained → 7.1', async () => {
    const s = ballotAt(9);
    const bad = tamper(
      text,
      (es) => {
        es[s]!.payload.signature = withUnusedBits(es[s]!.payload.signature);
        return s;
      },
      { rehash: true },
    );
    const r = await verifyBoard(bad);
    expectCaught(r, '7.1', { seq: s });
    notReported(r, '2.3');
  });

  it('the joint key in the earlier hex form, re-chained → 4.5', async () => {
    const s = indexOfType(fx.entries, 'joint-key');
    const bad = tamper(
      text,
      (es) => {
        es[s]!.payload.publicKey = toHex(es[s]!.payload.publicKey);
        return s;
      },
      { rehash: true },
    );
    expectCaught(await verifyBoard(bad), '4.5', { seq: s });
  });

  it("a trustee's box key with non-zero unused bits, re-chained → 4.1", async () => {
    const s = indexOfType(fx.entries, 'trustee');
    const bad = tamper(
      text,
      (es) => {
        es[s]!.payload.boxKey = withUnusedBits(es[s]!.payload.boxKey);
        return s;
      },
      { rehash: true },
    );
    expectCaught(await verifyBoard(bad), '4.1', { seq: s });
  });

  it('a forged 0/1 proof (a response scalar changed), ballot re-signed → 7.4', async () => {
    const s = ballotAt(10);
    const bad = tamper(
      text,
      (es) => {
        const b = es[s]!.payload;
        editContest(b, 0, (f) => (f.choices[0]!.proof.s0 = bumpScalar(f.choices[0]!.proof.s0)));
        es[s]!.payload = resignBallot(b, keysOf(fx, b));
        return s;
      },
      { rehash: true },
    );
    const r = await verifyBoard(bad);
    expectCaught(r, '7.4', { seq: s });
    notReported(r, '7.3');
  });

  it('a forged exact-one proof, ballot re-signed → 7.4', async () => {
    const s = ballotAt(11);
    const bad = tamper(
      text,
      (es) => {
        const b = es[s]!.payload;
        editContest(b, 0, (f) => (f.sumProof.response = bumpScalar(f.sumProof.response)));
        es[s]!.payload = resignBallot(b, keysOf(fx, b));
        return s;
      },
      { rehash: true },
    );
    expectCaught(await verifyBoard(bad), '7.4', { seq: s });
  });

  it('a ballot re-signed with an anchor this board never had → 7.6 only', async () => {
    const s = ballotAt(13);
    const bad = tamper(
      text,
      (es) => {
        const b = es[s]!.payload;
        es[s]!.payload = resignBallot(
          { ...b, anchor: { ...b.anchor, hash: flipHex(b.anchor.hash, 3) } },
          keysOf(fx, b),
        );
        return s;
      },
      { rehash: true },
    );
    const r = await verifyBoard(bad);
    expectCaught(r, '7.6', { seq: s, key: 'anchorHash' });
    expect(new Set(r.failures.map((f) => f.check)), summary(r)).toEqual(new Set(['7.6']));
  });

  it('a revote moved before the ballot it replaces (chain re-hashed) → 7.6', async () => {
    const counted = countedBallotIndices(fx.entries);
    // A credential with two ballots: its last one, moved right before its first.
    const [firstAt, lastAt] = (() => {
      for (const i of counted) {
        const c = fx.entries[i]!.payload.credential;
        const j = fx.entries.findIndex((e) => e.type === 'ballot' && e.payload.credential === c);
        if (j < i) return [j, i];
      }
      throw new Error('the demo board has no revote');
    })();
    const bad = tamper(
      text,
      (es) => {
        const [moved] = es.splice(lastAt, 1);
        es.splice(firstAt, 0, moved!);
        return firstAt;
      },
      { rehash: true },
    );
    expectCaught(await verifyBoard(bad), '7.6', { seq: firstAt, key: 'anchorNotBefore' });
  });

  it('a valid ballot signed by a credential not on the list → 7.2', async () => {
    const at = indexOfType(fx.entries, 'voting-closed');
    const bad = tamper(
      text,
      (es) => {
        es.splice(at, 0, {
          seq: at,
          type: 'ballot',
          payload: foreignBallot(fx.params, es[at - 1]!, 1),
          prev: '',
          hash: '',
        });
        return at;
      },
      { rehash: true },
    );
    const r = await verifyBoard(bad);
    expectCaught(r, '7.2', { seq: at });
    notReported(r, '7.3');
    notReported(r, '7.4');
  });

  it('a ballot duplicated as a new entry → 7.5', async () => {
    const s = ballotAt(12);
    const at = indexOfType(fx.entries, 'voting-closed');
    const bad = tamper(
      text,
      (es) => {
        es.splice(at, 0, structuredClone(es[s]!));
        return at;
      },
      { rehash: true },
    );
    expectCaught(await verifyBoard(bad), '7.5', { seq: at });
  });

  it("another credential's ballot reusing a ciphertext → 7.5 (its proof fails 7.4 too)", async () => {
    const a = ballotAt(13);
    const counted = countedBallotIndices(fx.entries);
    const b = counted.find(
      (i) => i > a && fx.entries[i]!.payload.credential !== fx.entries[a]!.payload.credential,
    )!;
    const bad = tamper(
      text,
      (es) => {
        let copy = { alpha: '', beta: '' };
        editContest(es[a]!.payload, 0, (f) => void (copy = f.choices[0]!));
        const ballot = es[b]!.payload;
        editContest(ballot, 0, (f) => {
          f.choices[0]!.alpha = copy.alpha;
          f.choices[0]!.beta = copy.beta;
        });
        es[b]!.payload = resignBallot(ballot, keysOf(fx, ballot));
        return b;
      },
      { rehash: true },
    );
    const r = await verifyBoard(bad);
    expectCaught(r, '7.5', { seq: b });
    notReported(r, '7.3');
  });

  it('a counted ballot deleted → 8.1 / 8.2 (the tally no longer matches)', async () => {
    const s = countedBallotIndices(fx.entries)[5]!;
    const bad = tamper(
      text,
      (es) => {
        es.splice(s, 1);
        return s;
      },
      { rehash: true },
    );
    const r = await verifyBoard(bad);
    expectCaughtByOneOf(r, ['8.1', '8.2']);
    notReported(r, '2.1');
    notReported(r, '2.2');
    notReported(r, '2.3');
  });

  it('a counted ballot deleted is caught by a checkpoint signed before → 2.4', async () => {
    const s = countedBallotIndices(fx.entries)[5]!;
    const bad = tamper(
      text,
      (es) => {
        es.splice(s, 1);
        return s;
      },
      { rehash: true },
    );
    expectCaught(await verifyBoard(bad, { checkpoints: [checkpoint] }), '2.4');
  });
});

describe('tally, decryption and result (chain re-hashed)', () => {
  it('a modified encrypted tally → 8.2', async () => {
    const s = indexOfType(fx.entries, 'tally');
    const bad = tamper(
      text,
      (es) => {
        es[s]!.payload.contests[0].ciphertexts[0].alpha = randomPoint();
        return s;
      },
      { rehash: true },
    );
    expectCaught(await verifyBoard(bad), '8.2', { seq: s });
  });

  it('a partial decryption with a wrong proof, re-signed by its trustee → 9.2', async () => {
    const s = indexOfType(fx.entries, 'decryption');
    const bad = tamper(
      text,
      (es) => {
        const msg = es[s]!.payload;
        const proof = msg.contests[0].factors[1].proof;
        proof.response = bumpScalar(proof.response);
        es[s]!.payload = resignTrusteeMessage(msg, fx.trustees.get(msg.trustee)!.signingSecretKey);
        return s;
      },
      { rehash: true },
    );
    const r = await verifyBoard(bad);
    expectCaught(r, '9.2', { seq: s });
    notReported(r, '9.1');
  });

  it('a partial decryption changed without its trustee key → 9.1', async () => {
    const s = indexOfType(fx.entries, 'decryption', 1);
    const bad = tamper(
      text,
      (es) => {
        const f = es[s]!.payload.contests[0].factors[0];
        f.proof.response = bumpScalar(f.proof.response);
        return s;
      },
      { rehash: true },
    );
    expectCaught(await verifyBoard(bad), '9.1', { seq: s });
  });

  it('a changed count → 10.1', async () => {
    const s = lastIndexOfType(fx.entries, 'result');
    const bad = tamper(
      text,
      (es) => {
        const counts = es[s]!.payload.contests[0].counts as number[];
        // Keep the sum (= counted): move one vote from the last option to the first.
        let from = counts.length - 1;
        while (counts[from] === 0) from--;
        const to = from === 0 ? 1 : 0;
        counts[from]!--;
        counts[to]!++;
        return s;
      },
      { rehash: true },
    );
    expectCaught(await verifyBoard(bad), '10.1', { seq: s });
  });

  it('a changed winner → 10.2', async () => {
    const s = lastIndexOfType(fx.entries, 'result');
    const options = fx.entries[indexOfType(fx.entries, 'ballot-fixed')]!.payload.contests[0].options as {
      id: string;
      kind: string;
    }[];
    const bad = tamper(
      text,
      (es) => {
        const outcome = es[s]!.payload.contests[0].outcome;
        const other = options.find((o) => o.kind === 'candidate' && o.id !== outcome.winner)!;
        es[s]!.payload.contests[0].outcome = { kind: 'elected', winner: other.id };
        return s;
      },
      { rehash: true },
    );
    expectCaught(await verifyBoard(bad), '10.2', { seq: s });
  });

  it('a result claiming fewer than t trustees → 9.3', async () => {
    const s = lastIndexOfType(fx.entries, 'result');
    const bad = tamper(
      text,
      (es) => {
        es[s]!.payload.trustees = es[s]!.payload.trustees.slice(0, 1);
        return s;
      },
      { rehash: true },
    );
    expectCaught(await verifyBoard(bad), '9.3', { seq: s });
  });

  it('a result from a single partial decryption (the second deleted) → 9.3', async () => {
    const d = indexOfType(fx.entries, 'decryption', 1);
    const bad = tamper(
      text,
      (es) => {
        const first = es[indexOfType(es, 'decryption')]!.payload.trustee as number;
        es.splice(d, 1);
        es[lastIndexOfType(es, 'result')]!.payload.trustees = [first];
        return d;
      },
      { rehash: true },
    );
    expectCaught(await verifyBoard(bad), '9.3');
  });
});

describe('setup entries (chain re-hashed)', () => {
  const rewriteManifest = () =>
    tamper(
      text,
      (es) => {
        es[0]!.payload.district = { ...es[0]!.payload.district, en: 'Another district' };
        return 0;
      },
      { rehash: true },
    );

  it('the manifest changed after voting opened → 4.1 (the ceremony fingerprint covers it)', async () => {
    expectCaught(await verifyBoard(rewriteManifest()), '4.1');
  });

  it('the manifest changed after voting opened, checked against the earlier export → 2.6', async () => {
    expectCaught(await verifyBoard(rewriteManifest(), { since: text }), '2.6');
  });

  it('the manifest changed after voting opened, against a signed checkpoint → 2.4', async () => {
    expectCaught(await verifyBoard(rewriteManifest(), { checkpoints: [checkpoint] }), '2.4');
  });

  it('a candidate registered below the signature threshold → 3.2', async () => {
    const s = indexOfType(fx.entries, 'candidate', 1);
    const bad = tamper(
      text,
      (es) => {
        const sig = es[s]!.payload.signatures;
        sig.valid = sig.threshold - 1;
        return s;
      },
      { rehash: true },
    );
    expectCaught(await verifyBoard(bad), '3.2', { seq: s });
  });

  it("a citizens' assembly place in one string, the form before it was given in each language → 3.2", async () => {
    const s = fx.entries.findIndex(
      (e) => e.type === 'candidate' && e.payload.route.kind === 'citizen-assembly',
    );
    const bad = tamper(
      text,
      (es) => {
        const route = es[s]!.payload.route;
        route.place = route.place.kk;
        return s;
      },
      { rehash: true },
    );
    expectCaught(await verifyBoard(bad), '3.2', { seq: s });
  });

  it('a party nominee whose party does not attest membership, or decided after the registration → 3.2', async () => {
    const s = indexOfType(fx.entries, 'candidate', 0);
    const asParty = (membership: object) =>
      tamper(
        text,
        (es) => {
          const name = es[s]!.payload.route.name ?? es[s]!.payload.surname;
          es[s]!.payload.route = { kind: 'party', name, membership };
          es[s]!.payload.signatures = es[s]!.payload.signatures ?? { valid: 0, threshold: 0 };
          return s;
        },
        { rehash: true },
      );
    const day = (es: string) => es.slice(0, 10);
    const registered = day(fx.entries[s]!.payload.registeredAt as string);
    const notMember = asParty({ decision: '12-П', date: registered, member: false });
    expectCaught(await verifyBoard(notMember), '3.2', { seq: s, key: 'partyNotMember' });
    const later = asParty({ decision: '12-П', date: '2099-01-01', member: true });
    expectCaught(await verifyBoard(later), '3.2', { seq: s, key: 'partyDecisionAfterRegistration' });
  });

  it('under law-2021, a party nominee without the attestation → 3.2 (the manifest changed: 4.1 too)', async () => {
    const s = indexOfType(fx.entries, 'candidate', 0);
    const bad = tamper(
      text,
      (es) => {
        Object.assign(es[0]!.payload.profile, {
          name: 'law-2021',
          routes: ['party', 'self'],
          signaturesFrom: ['self'],
          oneSignaturePerSigner: false,
          onePartyCandidate: true,
          abstain: false,
          initiativePercent: 10,
        });
        es[s]!.payload.route = { kind: 'party', name: es[s]!.payload.surname };
        es[s]!.payload.signatures = null;
        return 0;
      },
      { rehash: true },
    );
    const r = await verifyBoard(bad);
    notReported(r, '1.2');
    expectCaught(r, '3.2', { seq: s, key: 'partyMembershipMissing' });
  });
});

describe('public counts (chain re-hashed)', () => {
  const signIns = () => indexOfType(fx.entries, 'sign-ins');
  const roll = () => fx.entries[indexOfType(fx.entries, 'roll')]!.payload.count as number;
  /** Set every sign-ins entry's counts: the first gets `first`, the others none. */
  const forceCounts = (first: { tokens: number; voters: number }) =>
    tamper(
      text,
      (es) => {
        const at = es.findIndex((e) => e.type === 'sign-ins');
        for (let i = es.length - 1; i > at; i--) if (es[i]!.type === 'sign-ins') es.splice(i, 1);
        es[at]!.payload = { ...es[at]!.payload, ...first };
        return at;
      },
      { rehash: true },
    );

  describe('public tags: the roll, the signers and the akim (§10.3.4, §10.4.7)', () => {
    const tagsOf = (v: string) => decodeTags(v, 'tags', 100_000);
    const roll = () => indexOfType(fx.entries, 'roll', 0);
    const candidateIndex = (k: number) => indexOfType(fx.entries, 'candidate', k);
    /** Rewrite candidate k's signer list (kept ascending unless `sorted` is false) and its count. */
    const withSigners = (k: number, f: (tags: Uint8Array[], es: Entry[]) => Uint8Array[], sorted = true) => {
      const s = candidateIndex(k);
      const bad = tamper(
        text,
        (es) => {
          const sig = es[s]!.payload.signatures;
          const next = f(tagsOf(sig.signers), es);
          sig.signers = encodeTags(sorted ? sortTags(next) : next);
          sig.valid = next.length;
          return s;
        },
        { rehash: true },
      );
      return { s, bad };
    };

    it('the honest demo board has the roll’s tags under its root and signers on it', () => {
      const r = fx.entries[roll()]!.payload;
      expect(tagsOf(r.tags)).toHaveLength(r.count);
      const c = fx.entries[candidateIndex(0)]!.payload;
      expect(tagsOf(c.signatures.signers).length).toBe(c.signatures.valid);
    });

    it('a roll tag changed (root no longer matches) or repeated → 3.1', async () => {
      const changed = tamper(
        text,
        (es) => {
          const tags = tagsOf(es[roll()]!.payload.tags);
          tags[0] = tags[0]!.slice();
          tags[0]![15]! ^= 1;
          es[roll()]!.payload.tags = encodeTags(sortTags(tags));
          return roll();
        },
        { rehash: true },
      );
      expectCaught(await verifyBoard(changed), '3.1', { seq: roll(), key: 'rollRoot' });
      const repeated = tamper(
        text,
        (es) => {
          const tags = tagsOf(es[roll()]!.payload.tags);
          tags[1] = tags[0]!;
          es[roll()]!.payload.tags = encodeTags(tags);
          return roll();
        },
        { rehash: true },
      );
      expectCaught(await verifyBoard(repeated), '3.1', { seq: roll(), key: 'rollTagOrder' });
    });

    it('a signer not on the roll → 3.5', async () => {
      const { s, bad } = withSigners(0, (t) => [...t.slice(1), new Uint8Array(16).fill(0xab)]);
      expectCaught(await verifyBoard(bad), '3.5', { seq: s, key: 'signerNotOnRoll' });
    });

    it('the same signer twice in a list → 3.5', async () => {
      const { s, bad } = withSigners(0, (t) => [t[0]!, ...t], false);
      expectCaught(await verifyBoard(bad), '3.5', { seq: s, key: 'signerOrder' });
    });

    it('the candidate signing for themself → 3.5', async () => {
      const { s, bad } = withSigners(0, (t, es) => [
        ...t,
        b64ToBytesStrict(es[candidateIndex(0)]!.payload.tags.candidate, 'tag', 16),
      ]);
      expectCaught(await verifyBoard(bad), '3.5', { seq: s, key: 'signerIsCandidate' });
    });

    it('a signer for two candidates under reform → 3.5 at the later one', async () => {
      const { s, bad } = withSigners(1, (t, es) => [
        ...t,
        tagsOf(es[candidateIndex(0)]!.payload.signatures.signers)[0]!,
      ]);
      expectCaught(await verifyBoard(bad), '3.5', { seq: s, key: 'signerTwice' });
    });

    it('a count that is not the number of signers → 3.5', async () => {
      const s = candidateIndex(0);
      const bad = tamper(
        text,
        (es) => {
          es[s]!.payload.signatures.valid += 1;
          return s;
        },
        { rehash: true },
      );
      expectCaught(await verifyBoard(bad), '3.5', { seq: s, key: 'signerCount' });
    });

    it("a citizens' assembly with more present than the roll, or a quorum not the profile's → 3.2", async () => {
      const s = fx.entries.findIndex(
        (e) => e.type === 'candidate' && e.payload.route.kind === 'citizen-assembly',
      );
      const count = fx.entries[roll()]!.payload.count as number;
      const edit = (f: (route: Record<string, number>) => void) =>
        tamper(
          text,
          (es) => {
            f(es[s]!.payload.route);
            return s;
          },
          { rehash: true },
        );
      const crowd = edit((r) => Object.assign(r, { attendance: count + 1, votesFor: count }));
      expectCaught(await verifyBoard(crowd), '3.2', { seq: s, key: 'assemblyAboveRoll' });
      const quorum = edit((r) => Object.assign(r, { quorum: 1 }));
      expectCaught(await verifyBoard(quorum), '3.2', { seq: s, key: 'assemblyQuorum' });
    });

    it("no akim's tag on the fixed ballot, or a candidate submitted by the akim's tag → 3.6", async () => {
      const f = indexOfType(fx.entries, 'ballot-fixed', 0);
      const none = tamper(
        text,
        (es) => {
          delete es[f]!.payload.akim;
          return f;
        },
        { rehash: true },
      );
      expectCaught(await verifyBoard(none), '3.6', { seq: f, key: 'akimMissing' });
      const s = candidateIndex(0);
      const byAkim = tamper(
        text,
        (es) => {
          es[s]!.payload.tags.submitter = es[f]!.payload.akim;
          return s;
        },
        { rehash: true },
      );
      expectCaught(await verifyBoard(byAkim), '3.6', { seq: s, key: 'akimSubmitter' });
    });
  });

  it('the honest board publishes the sign-ins before voting closes, and they add up', () => {
    const closed = indexOfType(fx.entries, 'voting-closed');
    const published = fx.entries.filter((e) => e.type === 'sign-ins');
    expect(published.length).toBeGreaterThan(0);
    expect(signIns()).toBeGreaterThan(indexOfType(fx.entries, 'voting-opened'));
    expect(fx.entries.map((e) => e.type).lastIndexOf('sign-ins')).toBeLessThan(closed);
    const ballots = fx.entries.filter((e) => e.type === 'ballot').length;
    expect(published.reduce((a, e) => a + (e.payload.tokens as number), 0)).toBeGreaterThanOrEqual(ballots);
  });

  it('fewer voter tokens claimed than ballots cast → 11.2', async () => {
    const bad = forceCounts({ tokens: 1, voters: 1 });
    const r = await verifyBoard(bad);
    expectCaught(r, '11.2', { key: 'ballotsAboveTokens' });
    expectCaught(r, '11.2', { key: 'castingAboveSignedIn' });
    notReported(r, '11.1');
  });

  it('more voters signed in than the voter roll has → 11.2', async () => {
    const n = roll() + 1;
    const r = await verifyBoard(forceCounts({ tokens: n + 100, voters: n }));
    expectCaught(r, '11.2', { key: 'signedInAboveRoll' });
    notReported(r, '11.1');
  });

  it('more voters than tokens in an hour → 11.1', async () => {
    const bad = tamper(
      text,
      (es) => {
        const at = es.findIndex((e) => e.type === 'sign-ins');
        es[at]!.payload = { ...es[at]!.payload, voters: (es[at]!.payload.tokens as number) + 1 };
        return at;
      },
      { rehash: true },
    );
    expectCaught(await verifyBoard(bad), '11.1', { key: 'signInsVoters', seq: signIns() });
  });

  it('a sign-ins entry moved after voting closed → 11.1', async () => {
    const bad = tamper(
      text,
      (es) => {
        const at = es.findIndex((e) => e.type === 'sign-ins');
        const [moved] = es.splice(at, 1);
        es.splice(es.findIndex((e) => e.type === 'tally') + 1, 0, moved!);
        return at;
      },
      { rehash: true },
    );
    expectCaught(await verifyBoard(bad), '11.1', { key: 'signInsOutside' });
  });

  it('an hour that is not a whole local hour → 11.1', async () => {
    const bad = tamper(
      text,
      (es) => {
        const at = es.findIndex((e) => e.type === 'sign-ins');
        es[at]!.payload = {
          ...es[at]!.payload,
          hour: (es[at]!.payload.hour as string).replace(':00:00+', ':30:00+'),
        };
        return at;
      },
      { rehash: true },
    );
    expectCaught(await verifyBoard(bad), '11.1', { key: 'signInsHourForm' });
  });

  it('more voting codes published than the voter roll has voters → 11.3', async () => {
    const c = indexOfType(fx.entries, 'credentials');
    const bad = tamper(
      text,
      (es) => {
        es[c]!.payload = { ...es[c]!.payload, count: roll() + 1 };
        return c;
      },
      { rehash: true },
    );
    expectCaught(await verifyBoard(bad), '11.3', { key: 'credentialsAboveRoll', seq: c });
  });
});

describe('checkpoints', () => {
  it('a checkpoint with a flipped signature → 2.4', async () => {
    const forged = { ...checkpoint, signature: flipByte(checkpoint.signature, 3) };
    expectCaught(await verifyBoard(text, { checkpoints: [forged] }), '2.4');
  });

  it('a checkpoint signature in the earlier hex form, or respelt with unused bits → 2.4', async () => {
    for (const signature of [toHex(checkpoint.signature), withUnusedBits(checkpoint.signature)])
      expectCaught(await verifyBoard(text, { checkpoints: [{ ...checkpoint, signature }] }), '2.4');
  });

  it('a checkpoint with a random signature → 2.4', async () => {
    const forged = { ...checkpoint, signature: randomSignature() };
    expectCaught(await verifyBoard(text, { checkpoints: [forged] }), '2.4');
  });
});

describe('unfinished and truncated boards', () => {
  it('a board of an election still open: exit 3, the tally checks pending, nothing failed', async () => {
    const open = serialiseBoard(fx.entries.slice(0, ballotAt(10)));
    const r = await verifyBoard(open);
    expect(r.failures, summary(r)).toEqual([]);
    expect(r.exitCode).toBe(3);
    for (const id of ['8.1', '8.2', '9.3', '10.2'])
      expect(r.checks.find((c) => c.id === id)?.status).toBe('pending');
    expect(r.result).toBeNull();
  });

  it('a closed election whose result is not out yet: exit 3 with only 9.x and 10.x pending', async () => {
    const closed = serialiseBoard(fx.entries.slice(0, indexOfType(fx.entries, 'tally') + 1));
    const r = await verifyBoard(closed);
    expect(r.failures, summary(r)).toEqual([]);
    expect(r.exitCode).toBe(3);
    expect(r.checks.filter((c) => c.status === 'pending').map((c) => c.id)).toEqual([
      '9.1',
      '9.2',
      '9.3',
      '10.1',
      '10.2',
      '10.3',
    ]);
  });

  it('voting closed without the encrypted tally written with it → 8.2', async () => {
    const cut = serialiseBoard(fx.entries.slice(0, indexOfType(fx.entries, 'voting-closed') + 1));
    expectCaught(await verifyBoard(cut), '8.2');
  });

  it('a setup entry missing once voting opened (the credential list deleted, chain re-hashed) → 5.1', async () => {
    const s = indexOfType(fx.entries, 'credentials');
    const bad = tamper(
      text,
      (es) => {
        es.splice(s, 1);
        return s;
      },
      { rehash: true },
    );
    expectCaught(await verifyBoard(bad), '5.1');
  });
});

describe('the tamper helpers', () => {
  it('re-chain a board into one whose hashes recompute', () => {
    const entries: Entry[] = parseBoard(text);
    rechain(entries);
    expect(serialiseBoard(entries)).toBe(text);
  });

  it('refuse an edit that changes nothing', () => {
    expect(() => tamper(text, () => 0, { rehash: true })).toThrow(/changed nothing/);
  });
});

/**
 * Check 3.7 (SPEC §10.1.2, §11.2): a referendum's initiative, on a board the test kit opened (40
 * voters, every one a signer; `reform`: 5 % is 2 signatures, a quorum of 4), each case forcing one
 * bad initiative onto the board with the chain re-hashed, as a dishonest server could.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { b64ToBytesStrict, bytesToB64 } from '@saylau/crypto';
import { openElectionFixture, startHarness, type Harness } from '@saylau/test-kit';
import { verifyBoard, type Report } from '../src/index.ts';
import { expectCaught, indexOfType, parseBoard, summary, tamper, type Entry } from './tamper-helpers.ts';

let h: Harness;
let referendum = '';
let akim = '';
const QUESTIONS = [
  { id: 'road', subject: 'local-amenities', text: { kk: 'Жол ма?', ru: 'Дорога?', en: 'The road?' } },
] as const;

beforeAll(async () => {
  h = await startHarness();
  const board = (id: string) => [...h.server.ctx.board.exportLines(id)].join('');
  openElectionFixture(h, {
    id: 'ref',
    voters: 40,
    election: { kind: 'referendum', questions: [...QUESTIONS] },
  });
  referendum = board('ref');
  openElectionFixture(h, { id: 'akim', voters: 10 });
  akim = board('akim');
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const verify = (text: string) => verifyBoard(text, { workers: 0 });
const check37 = (r: Report) => r.checks.find((c) => c.id === '3.7')!;
const at = (es: Entry[], type: string) => indexOfType(es, type);
const tags = (s: string) => {
  const b = b64ToBytesStrict(s, 'tags', (s.length * 3) >> 2);
  return Array.from({ length: b.length / 16 }, (_, i) => b.subarray(i * 16, i * 16 + 16));
};
const join = (ts: Uint8Array[]) => {
  const out = new Uint8Array(ts.length * 16);
  ts.forEach((t, i) => out.set(t, i * 16));
  return bytesToB64(out);
};

/** The referendum board with its initiative's payload changed by `edit`. */
const withInitiative = (edit: (p: Entry['payload']) => void) =>
  tamper(
    referendum,
    (es) => {
      const i = at(es, 'initiative');
      edit(es[i]!.payload);
      return i;
    },
    { rehash: true },
  );

/** A valid assembly in place of the signatures: 10 present of 40, quorum 4, 6 for. */
const ASSEMBLY = {
  kind: 'citizen-assembly',
  date: '2026-10-31',
  place: { kk: 'Мектеп', ru: 'Школа', en: 'School' },
  attendance: 10,
  quorum: 4,
  votesFor: 6,
  chair: bytesToB64(new Uint8Array(16).fill(7)),
};
const asAssembly = (over: Record<string, unknown> = {}) =>
  withInitiative((p) => {
    const recordedAt = p.recordedAt;
    for (const k of Object.keys(p)) delete p[k];
    Object.assign(p, ASSEMBLY, { recordedAt }, over);
  });

describe('check 3.7 on an honest board', () => {
  it('passes a referendum whose initiative is the voters’ signatures, and skips an akim election', async () => {
    const r = await verify(referendum);
    expect(check37(r).status, summary(r)).toBe('pass');
    const a = await verify(akim);
    expect(check37(a).status).toBe('skipped');
    expect(check37(a).noteKey).toBe('skipAkimInitiative');
  });

  it('passes an assembly that meets the profile’s quorum with a majority', async () => {
    const r = await verify(asAssembly());
    expect(
      r.failures.filter((f) => f.check === '3.7'),
      summary(r),
    ).toEqual([]);
  });
});

describe('check 3.7: the entry and its place', () => {
  it('no initiative once voting has opened → fail; before opening → pending', async () => {
    const none = tamper(
      referendum,
      (es) => (es.splice(at(es, 'initiative'), 1), at(es, 'voting-opened') - 1),
      {
        rehash: true,
      },
    );
    expectCaught(await verify(none), '3.7', { key: 'entryMissing' });
    const early = tamper(none, (es) => (es.splice(at(es, 'voting-opened')), es.length - 1), { rehash: true });
    const r = await verify(early);
    expect(check37(r).status, summary(r)).toBe('pending');
  });

  it('a second initiative → 3.7 at its seq', async () => {
    const text = tamper(
      referendum,
      (es) => {
        const i = at(es, 'initiative');
        es.splice(i + 1, 0, structuredClone(es[i]!));
        return i + 1;
      },
      { rehash: true },
    );
    expectCaught(await verify(text), '3.7', { key: 'initiativeAgain' });
  });

  it('an initiative before the roll → 3.7 and 2.5', async () => {
    const text = tamper(
      referendum,
      (es) => {
        const [e] = es.splice(at(es, 'initiative'), 1);
        const roll = at(es, 'roll');
        es.splice(roll, 0, e!);
        return roll;
      },
      { rehash: true },
    );
    const r = await verify(text);
    expectCaught(r, '3.7', { key: 'initiativePlace' });
    expectCaught(r, '2.5', { key: 'initiativeBeforeRoll' });
  });

  it('an initiative after voting opened → 3.7 and 2.5', async () => {
    const text = tamper(
      referendum,
      (es) => {
        const i = at(es, 'initiative');
        const [e] = es.splice(i, 1);
        es.push(e!);
        return i;
      },
      { rehash: true },
    );
    const r = await verify(text);
    expectCaught(r, '3.7', { key: 'initiativePlace' });
    expectCaught(r, '2.5', { key: 'afterOpening' });
  });

  it('an initiative on an akim election’s board → 3.7', async () => {
    const ref = parseBoard(referendum);
    const payload = ref[at(ref, 'initiative')]!.payload;
    const text = tamper(
      akim,
      (es) => {
        const i = at(es, 'roll') + 1;
        es.splice(i, 0, { seq: i, type: 'initiative', payload, prev: '', hash: '' });
        return i;
      },
      { rehash: true },
    );
    expectCaught(await verify(text), '3.7', { key: 'initiativeInAkim' });
  });

  it('an unknown key → 3.7 malformed', async () => {
    expectCaught(await verify(withInitiative((p) => (p.note = 'x'))), '3.7', { key: 'malformed' });
  });
});

describe('check 3.7: signatures', () => {
  it('signers out of order, or one twice → not strictly ascending', async () => {
    const swapped = withInitiative((p) => {
      const ts = tags(p.signers);
      [ts[0], ts[1]] = [ts[1]!, ts[0]!];
      p.signers = join(ts);
    });
    expectCaught(await verify(swapped), '3.7', { key: 'initiativeSignerOrder' });
    const twice = withInitiative((p) => {
      const ts = tags(p.signers);
      ts[1] = ts[0]!;
      p.signers = join(ts);
    });
    expectCaught(await verify(twice), '3.7', { key: 'initiativeSignerOrder' });
  });

  it('a list that is not whole 16-byte tags → 3.7 refused', async () => {
    const cut = withInitiative((p) => (p.signers = bytesToB64(tags(p.signers)[0]!.slice(0, 12))));
    expectCaught(await verify(cut), '3.7', { key: 'cryptoRefused' });
  });

  it('a signer not on the roll → 3.7', async () => {
    const text = withInitiative((p) => {
      const ts = tags(p.signers);
      ts[ts.length - 1] = new Uint8Array(16).fill(255);
      p.signers = join(ts);
    });
    expectCaught(await verify(text), '3.7', { key: 'initiativeOffRoll' });
  });

  it('valid not the number of signers, a wrong threshold, too few signers → 3.7', async () => {
    expectCaught(await verify(withInitiative((p) => (p.valid += 1))), '3.7', { key: 'initiativeValid' });
    expectCaught(await verify(withInitiative((p) => (p.threshold = 1))), '3.7', {
      key: 'initiativeThreshold',
    });
    const one = withInitiative((p) => {
      p.signers = join(tags(p.signers).slice(0, 1));
      p.valid = 1;
    });
    expectCaught(await verify(one), '3.7', { key: 'initiativeBelowThreshold' });
  });
});

describe('check 3.7: a citizens’ assembly', () => {
  it.each([
    ['initiativeDate', { date: '2026-11-02' }],
    ['initiativeAboveRoll', { attendance: 41, votesFor: 30 }],
    ['initiativeQuorum', { quorum: 3 }],
    ['initiativeBelowQuorum', { attendance: 3, votesFor: 3 }],
    ['initiativeVotes', { votesFor: 11 }],
    ['initiativeNoMajority', { votesFor: 5 }],
  ])('→ 3.7 %s', async (key, over) => {
    expectCaught(await verify(asAssembly(over)), '3.7', { key });
  });

  it('a chair that is not a 16-byte tag → 3.7 malformed', async () => {
    const r = await verify(asAssembly({ chair: bytesToB64(new Uint8Array(15)) }));
    expectCaught(r, '3.7', { key: 'malformed' });
  });
});

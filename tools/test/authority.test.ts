/**
 * The credential authority's work without files (authority.ts, SPEC §10.7), as the CLI and the
 * authority's page both run it: one code per voter, the list of §7.3, the owner map, letters and
 * CSV that agree; progress told in steps; and the refusals made before anything is sent.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { deriveCredentialKeys, parseCredentialCode, publicCredentialList } from '@saylau/crypto';
import { Code, credentialListFingerprint, type CredentialVoter } from '@saylau/protocol';
import {
  checkBatchOptions,
  jsonFileText,
  makeCredentialBatch,
  PROGRESS_STEP,
  publishCredentialLists,
  votersFrom,
  type BatchOptions,
} from '../src/credentials/authority.ts';
import { ClientError } from '../src/http.ts';
import type { LetterManifest } from '../src/credentials/manifest.ts';

const ELECTION = 'aksu-2026';
const manifest: LetterManifest = {
  election: ELECTION,
  kind: 'akim',
  district: { kk: 'Ақсу ауылдық округі', ru: 'Аксуский сельский округ', en: 'Aksu rural district' },
  electionDay: '2026-12-20',
  calendar: { votingOpens: '2026-12-20T07:00:00+05:00', votingCloses: '2026-12-20T20:00:00+05:00' },
};
const voter = (i: number): CredentialVoter => ({
  voter: `voter-${String(i).padStart(16, '0')}`,
  surname: `Ахметов${i}`,
  givenName: 'Ерлан',
  patronymic: '',
  settlement: 'Ақсу',
  address: `Абай к-сі, ${i}`,
});
const voters = (n: number) => Array.from({ length: n }, (_, i) => voter(i + 1));
const options = (n: number): BatchOptions => ({ election: ELECTION, voters: voters(n), manifest });

/** The ClientError code a call is refused with. */
async function refusal(f: () => unknown): Promise<string> {
  try {
    await f();
  } catch (e) {
    expect(e).toBeInstanceOf(ClientError);
    return (e as ClientError).code;
  }
  throw new Error('not refused');
}

describe('a batch of codes', () => {
  it('agrees with itself: codes, letters, public list, owner map and fingerprint', async () => {
    const b = await makeCredentialBatch({ ...options(7), boothUrl: 'https://vote.example/booth' });
    const rows = parseCsv(b.codesCsv, { delimiter: ';', bom: true, from_line: 2 }) as string[][];
    expect(rows.map((r) => r[1])).toEqual(voters(7).map((v) => v.voter));
    const codes = rows.map((r) => parseCredentialCode(r[7]).code);
    expect(new Set(codes).size).toBe(7);
    expect(b.publicList).toEqual({
      election: ELECTION,
      count: 7,
      list: publicCredentialList(ELECTION, codes),
    });
    expect(b.owners.owners).toEqual(
      rows.map((r, i) => ({
        voter: r[1],
        credential: deriveCredentialKeys(ELECTION, codes[i]!).publicKeyText,
      })),
    );
    expect(b.fingerprint).toBe(credentialListFingerprint(b.publicList.list));
    for (const r of rows) expect(b.letters).toContain(r[7]);
    expect(b.letters).toContain('https://vote.example/booth');
    expect(b.letters.match(/<section class="letter">/g)).toHaveLength(7);
    expect(JSON.parse(jsonFileText(b.publicList))).toEqual(b.publicList);
  });

  it('tells its progress every PROGRESS_STEP voters and at the end of each stage, awaiting the callback', async () => {
    const n = PROGRESS_STEP + 3;
    const told: string[] = [];
    let pending = 0;
    await makeCredentialBatch(options(n), async (stage, done, total) => {
      expect(pending).toBe(0);
      pending++;
      await new Promise((r) => setTimeout(r, 1));
      pending--;
      told.push(`${stage} ${done}/${total}`);
    });
    expect(told).toEqual([
      `keys ${PROGRESS_STEP}/${n}`,
      `keys ${n}/${n}`,
      `letters ${PROGRESS_STEP}/${n}`,
      `letters ${n}/${n}`,
    ]);
  });

  it('is refused before anything is made: a voter twice, another election, a bad booth address', async () => {
    const twice = { ...options(2), voters: [voter(1), voter(1)] };
    expect(await refusal(() => checkBatchOptions(twice))).toBe(Code.BAD_ARGUMENT);
    expect(await refusal(() => makeCredentialBatch(twice))).toBe(Code.BAD_ARGUMENT);
    expect(await refusal(() => checkBatchOptions({ ...options(1), voters: [] }))).toBe(Code.BAD_ARGUMENT);
    expect(await refusal(() => checkBatchOptions({ ...options(1), boothUrl: 'javascript:alert(1)' }))).toBe(
      Code.BAD_ARGUMENT,
    );
    expect(
      await refusal(() =>
        checkBatchOptions({ ...options(1), manifest: { ...manifest, election: 'other-1' } }),
      ),
    ).toBe(Code.MANIFEST_MISMATCH);
  });
});

describe('a voter list read back', () => {
  const file = { election: ELECTION, count: 2, voters: voters(2) };
  it('is the list of its election, counted right', async () => {
    expect(votersFrom(file, ELECTION, 'f')).toEqual(voters(2));
    expect(await refusal(() => votersFrom(file, 'other-1', 'f'))).toBe(Code.MANIFEST_MISMATCH);
    expect(await refusal(() => votersFrom({ ...file, count: 3 }, ELECTION, 'f'))).toBe(Code.BAD_FILE);
    expect(await refusal(() => votersFrom({ ...file, extra: 1 }, ELECTION, 'f'))).toBe(Code.BAD_FILE);
    expect(await refusal(() => votersFrom([], ELECTION, 'f'))).toBe(Code.BAD_FILE);
  });
});

describe('publishing', () => {
  // Never reached: every refusal here comes before the request.
  const api = { baseUrl: 'http://127.0.0.1:9' };
  const names = { file: 'p.json', ownersFile: 'o.json' };
  it('refuses lists that do not belong together or to the election, sending nothing', async () => {
    const b = await makeCredentialBatch(options(3));
    const publish = (pub: unknown, own: unknown, election = ELECTION) =>
      refusal(() => publishCredentialLists(api, election, pub, own, names));
    expect(await publish(b.publicList, b.owners, 'other-1')).toBe(Code.MANIFEST_MISMATCH);
    expect(await publish(b.publicList, { ...b.owners, count: 2 })).toBe(Code.BAD_FILE);
    const swapped = {
      ...b.owners,
      owners: b.owners.owners.map((o) => ({ ...o, credential: '00'.repeat(32) })),
    };
    expect(await publish(b.publicList, swapped)).toBe(Code.BAD_FILE);
    const unsorted = { ...b.publicList, list: [...b.publicList.list].reverse() };
    expect(await publish(unsorted, b.owners)).toMatch(/^CRYPTO_/);
    expect(await publish({ ...b.publicList, codes: [] }, b.owners)).toBe(Code.BAD_FILE);
  });
});

/**
 * A whole akim election through real HTTP on a real SQLite file: `saylau demo`'s run, small. The demo
 * itself compares the published counts with the choices it cast; here we also check the board.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex, utf8ToBytes } from '@saylau/crypto';
import { runDemo } from '@saylau/tools';
import { verifyBoard } from '@saylau/verifier';

const dir = mkdtempSync(join(tmpdir(), 'saylau-election-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a whole election (saylau demo)', () => {
  it('runs from roll to result, and the board is one unbroken chain ending in the result', async () => {
    const r = await runDemo({ voters: 60, outDir: dir, seed: 5, revoteShare: 0.1 });
    const c = r.result.contests[0]!;
    expect(c.counts).toEqual(r.expected);
    expect(c.counts.reduce((a, b) => a + b, 0)).toBe(60);
    expect(r.result.counted).toBe(60);
    expect(r.result.revotes).toBeGreaterThan(0);
    expect(r.options.at(-1)).toBe('Against all');

    const lines = readFileSync(r.boardFile, 'utf8').trimEnd().split('\n');
    const entries = lines.map((l) => JSON.parse(l));
    let prev = '0'.repeat(64);
    entries.forEach((e, i) => {
      expect(e.seq).toBe(i);
      expect(e.prev).toBe(prev);
      const { seq, type, payload } = e;
      expect(e.hash).toBe(sha256Hex(utf8ToBytes(canonicalJson({ seq, type, payload, prev }))));
      expect(lines[i]).toBe(canonicalJson(e));
      prev = e.hash;
    });
    const types = entries.map((e) => e.type);
    expect(types[0]).toBe('manifest');
    expect(types.at(-1)).toBe('result');
    expect(types.filter((t) => t === 'candidate')).toHaveLength(4);
    expect(types.filter((t) => t === 'ballot')).toHaveLength(60 + r.result.revotes);
    expect(types.filter((t) => t === 'decryption')).toHaveLength(2);
    for (const t of [
      'roll',
      'ballot-fixed',
      'ceremony',
      'joint-key',
      'credentials',
      'voting-opened',
      'voting-closed',
      'tally',
    ])
      expect(types).toContain(t);
    // Nothing private is published: no IIN of a voter or of a candidate appears on the board.
    expect(readFileSync(r.boardFile, 'utf8')).not.toMatch(/"iin"/);

    // Then a local referendum on the voters' initiative: yes, no and abstain; 42 of the 60 on its roll vote, above the 50 % rule.
    const ref = r.referendum!;
    expect(ref.optionIds).toEqual(['yes', 'no', 'abstain']);
    expect(ref.turnoutPercent).toBe(50);
    const q = ref.result.contests[0]!;
    expect(q.counts).toEqual(ref.expected);
    expect(ref.result).toMatchObject({ roll: 60, counted: 42 });
    expect(q.counts[2]).toBeGreaterThan(0);
    expect(['adopted', 'rejected']).toContain(q.outcome.kind);
    const report = await verifyBoard(readFileSync(ref.boardFile, 'utf8'));
    expect(report.failures).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(report.checks.find((c) => c.id === '1.4')?.status).toBe('pass');
    // Called by one voter in ten signing: 6 of 60, above reform's 5 % (SPEC §10.1.2).
    expect(report.checks.find((c) => c.id === '3.7')?.status).toBe('pass');
    expect(readFileSync(ref.boardFile, 'utf8')).toMatch(/"type":"initiative"/);
  });
});

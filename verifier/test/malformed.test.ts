/**
 * A board is untrusted (SPEC §11): payloads of any JSON shape are refused under their check, never
 * a crash. The lenient readers of shape.ts on their own, then the places that once assumed a shape.
 */
import { describe, expect, it } from 'vitest';
import { G, decodeElectionParams, encodePoint } from '@saylau/crypto';
import { checkBallots } from '../src/ballots.ts';
import type { Entry } from '../src/board.ts';
import type { Manifest } from '../src/manifest.ts';
import { Collector } from '../src/report.ts';
import { asArray, asObject, asString, dig, member, sameJson } from '../src/shape.ts';
import { checkTallyAndResult } from '../src/tally.ts';

const JUNK: unknown[] = [null, 7, 'text', true, [], [1], {}, { 0: {} }];

function entry(seq: number, type: string, payload: unknown): Entry {
  return { index: seq, line: seq + 1, seq, type, payload, prev: '', hash: '', text: '', canonical: true };
}

describe('lenient readers', () => {
  it('read only what is there, of the type asked', () => {
    expect(JUNK.map(asObject)).toEqual([null, null, null, null, null, null, {}, { 0: {} }]);
    expect(JUNK.map(asArray)).toEqual([null, null, null, null, [], [1], null, null]);
    expect(JUNK.map(asString)).toEqual([null, null, 'text', null, null, null, null, null]);
    expect(JUNK.map((v) => member(v, 'length'))).toEqual(JUNK.map(() => undefined));
    expect(member({ toString: 1 }, 'toString')).toBe(1);
    expect(member({}, 'toString')).toBeUndefined();
  });

  it('dig follows keys into objects and indices into arrays only', () => {
    const v = { contests: [{ options: [{ id: 'a' }] }] };
    expect(dig(v, 'contests', 0, 'options', 0, 'id')).toBe('a');
    expect(dig(v, 'contests', 1, 'options')).toBeUndefined();
    expect(dig({ contests: { 0: { options: [] } } }, 'contests', 0, 'options')).toBeUndefined();
    expect(dig('abc', 0)).toBeUndefined();
  });
});

describe('malformed payloads fail their check', () => {
  it('7.5 skips ballots whose contests or choices are not arrays (7.1 refuses them)', async () => {
    const shapes = [...JUNK, [{ choices: 'x' }], [{ choices: {} }], [{ choices: [null, { alpha: 1 }] }]];
    const entries = shapes.map((contests, i) => entry(i, 'ballot', { credential: 'c', contests }));
    const out = new Collector();
    const selection = await checkBallots(entries, null, null, null, out);
    expect(selection.ballots).toBe(shapes.length);
    expect(out.failures.map((f) => [f.check, f.key])).toEqual([
      ['7.2', 'noCredentialList'],
      ['7.1', 'noParams'],
    ]);
  });

  it('8.1 and 8.2 refuse a tally whose payload is not an object', () => {
    const params = decodeElectionParams(
      {
        version: 'saylau/v1',
        election: 'e',
        publicKey: encodePoint(G),
        contests: [{ id: 'akim', options: 2 }],
      },
      'params',
    );
    const manifest = { demo: true } as Manifest;
    for (const payload of JUNK.slice(0, 6)) {
      const out = new Collector();
      checkTallyAndResult(
        {
          entries: [entry(0, 'tally', payload)],
          manifest,
          roll: null,
          ceremony: null,
          jointKey: null,
          params,
          contests: null,
          selection: { ballots: 0, counted: 0, sums: null, unsummed: [], checkedKeys: new Set() },
        },
        out,
      );
      expect(out.failures.map((f) => [f.check, f.key])).toEqual([
        ['8.1', 'malformed'],
        ['8.2', 'malformed'],
      ]);
    }
  });
});

describe('comparing payloads', () => {
  it('finds no value canonical JSON refuses equal to anything, itself included', () => {
    expect(sameJson({ a: [1, 'x'] }, { a: [1, 'x'] })).toBe(true);
    expect(sameJson({ b: 1, a: 2 }, { a: 2, b: 1 })).toBe(true);
    expect(sameJson([1], [2])).toBe(false);
    for (const bad of [0.5, 2 ** 60, '\ud800', { t: [1, 1.5] }]) {
      expect(sameJson(bad, bad)).toBe(false);
      expect(sameJson([1], bad)).toBe(false);
    }
  });
});

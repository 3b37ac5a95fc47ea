/**
 * `saylau vote` as the program runs it — argv in, lines and an exit code out — against a test server:
 * every contest of a two-question referendum voted at once, and the one-line errors (README).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeContestCiphertexts, decryptToPoint, discreteLog } from '@saylau/crypto';
import { issueLoginCodes } from '@saylau/server';
import { openElectionFixture, startHarness, type Harness, type OpenElection } from '@saylau/test-kit';
import { saylauProgram } from '../src/cli/program.ts';
import { VOTE_EXIT } from '../src/cli/vote.ts';

let h: Harness;
let e: OpenElection;
let logins: Map<string, string>;
const q = (en: string) => ({ kk: `${en} (kk)`, ru: `${en} (ru)`, en });

beforeAll(async () => {
  h = await startHarness();
  e = openElectionFixture(h, {
    id: 'vote-cli',
    voters: 4,
    election: {
      kind: 'referendum',
      questions: [
        { id: 'road', text: q('Build the road?'), subject: 'local-amenities' },
        { id: 'school', text: q('Repair the school?'), subject: 'local-amenities' },
      ],
    },
  });
  logins = new Map(issueLoginCodes(h.server.ctx, e.id, 'fixture').map((c) => [c.iin, c.code]));
});

afterAll(async () => {
  await h?.close();
});

/** Run `saylau …args` in this process with SAYLAU_SERVER set to the test server. */
async function saylau(args: string[]): Promise<{ status: number; stdout: string[]; stderr: string[] }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((s: unknown) => void stdout.push(String(s)));
  const error = vi.spyOn(console, 'error').mockImplementation((s: unknown) => void stderr.push(String(s)));
  vi.stubEnv('SAYLAU_SERVER', h.url);
  try {
    await saylauProgram().parseAsync(args, { from: 'user' });
    return { status: Number(process.exitCode ?? 0), stdout: stdout.join('\n').split('\n'), stderr };
  } finally {
    process.exitCode = undefined;
    log.mockRestore();
    error.mockRestore();
    vi.unstubAllEnvs();
  }
}

/** The arguments that sign voter i in with their credential. */
const voter = (i: number, credential = e.credentials[i]!.code) => [
  'vote',
  '--election',
  e.id,
  '--iin',
  e.voters[i]!.iin,
  '--login-code',
  logins.get(e.voters[i]!.iin)!,
  '--credential',
  credential,
];

/** What the ballot of `tracker` on the board holds: per contest, the option numbers (from 1) marked. */
async function onBoard(tracker: string): Promise<number[][]> {
  const found = await h.api('GET', `/api/elections/${e.id}/ballots/${tracker}`);
  expect(found.status).toBe(200);
  const entry = h.server.ctx.board.ofType(e.id, 'ballot').find((x) => x.seq === found.body.seq)!;
  return entry.payload.contests.map((c) =>
    decodeContestCiphertexts(c, (c.length / 128 - 1) / 3, 'contest')
      .map((ct, i) => (discreteLog(decryptToPoint(e.secret, ct), 1) ? i + 1 : 0))
      .filter((n) => n > 0),
  );
}

const trackerOf = (stdout: string[]) => /^Tracker: (\S+)/m.exec(stdout.join('\n'))![1]!;

describe('saylau vote', () => {
  it('votes on both questions of a referendum, per contest by id, and the ballot on the board holds both', async () => {
    const r = await saylau([...voter(0), '--choice', 'school=2', '--choice', 'road=1']);
    expect(r.stderr).toEqual([]);
    expect(r.status).toBe(VOTE_EXIT.cast);
    expect(r.stdout.slice(0, 2)).toEqual(['Ballot cast for: Yes (road)', 'Ballot cast for: No (school)']);
    expect(r.stdout).toContain('Receipt signature: valid');
    expect(await onBoard(trackerOf(r.stdout))).toEqual([[1], [2]]);
  });

  it('takes one option number per contest in ballot order too, and contest numbers for ids', async () => {
    const inOrder = await saylau([...voter(1), '--choice', '2,2']);
    expect(inOrder.status).toBe(VOTE_EXIT.cast);
    expect(await onBoard(trackerOf(inOrder.stdout))).toEqual([[2], [2]]);
    const byNumber = await saylau([...voter(2), '--choice', '2=1', '--choice', '1=2']);
    expect(byNumber.status).toBe(VOTE_EXIT.cast);
    expect(await onBoard(trackerOf(byNumber.stdout))).toEqual([[2], [1]]);
  });

  it('says in one line what is wrong with the choices, exit 2, casting nothing', async () => {
    const before = h.server.ctx.board.ofType(e.id, 'ballot').length;
    for (const [choice, said] of [
      [['1'], /the ballot has 2 contest\(s\) \(road, school\): give one option number for each/],
      [['road=1'], /no choice for contest school/],
      [['road=1', 'park=2'], /the ballot has no contest park; its contests are road, school/],
      [['road=1', 'road=2'], /contest road is chosen twice/],
      [['road=1', '2'], /one per contest, in ballot order or as contest=option/],
      [['road=4', 'school=1'], /contest road has 3 options; 4 is not one of them/],
    ] as const) {
      const r = await saylau([...voter(3), ...choice.flatMap((c) => ['--choice', c])]);
      expect([r.status, r.stderr], choice.join(' ')).toEqual([
        VOTE_EXIT.badInput,
        [expect.stringMatching(new RegExp(`^saylau vote: --choice: .*${said.source}`))],
      ]);
    }
    expect(h.server.ctx.board.ofType(e.id, 'ballot')).toHaveLength(before);
  });

  it('a typo in the credential code is one line and exit 2, before anything is sent', async () => {
    const code = e.credentials[3]!.code;
    const typo = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
    const r = await saylau([...voter(3, typo), '--choice', '1,1']);
    expect([r.status, r.stderr]).toEqual([
      VOTE_EXIT.badInput,
      [expect.stringMatching(/^saylau vote: --credential: /)],
    ]);
  });

  it('names the address it could not reach, in one line, exit 3', async () => {
    const r = await saylau([...voter(3), '--choice', '1,1', '--server', 'http://127.0.0.1:9']);
    expect([r.status, r.stderr]).toEqual([
      VOTE_EXIT.unreachable,
      [expect.stringMatching(/^saylau vote: no response from http:\/\/127\.0\.0\.1:9\b/)],
    ]);
  });

  it('a refusal by the server is one line with its code, exit 1', async () => {
    const wrong = [...voter(3)];
    wrong[wrong.indexOf('--login-code') + 1] = 'WRONG-CODE';
    const r = await saylau([...wrong, '--choice', '1,1']);
    expect(r.status).toBe(VOTE_EXIT.refused);
    expect(r.stderr).toEqual([expect.stringMatching(/^saylau vote: the server refused: 4\d\d [A-Z_]+: /)]);
  });
});

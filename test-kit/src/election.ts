/**
 * An election open for voting, built with the demo's steps over HTTP on the test harness (real key
 * ceremony, credentials and login codes), so that the booth tests can close it and decrypt the tally.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localTime } from '@saylau/server';
import { ELECTION_DAY, finishElection, prepareElection, type Actors, type Voter } from '@saylau/tools';
import { startHarness, type Harness } from './harness.ts';

export const BOOTH_DAY = ELECTION_DAY;

export interface BoothElection {
  h: Harness;
  id: string;
  actors: Actors;
  voters: Voter[];
  /** Option ids of the one contest, in ballot order. */
  options: string[];
  /** Close voting, let two trustees decrypt, and return the published counts. */
  closeAndCount: () => Promise<number[]>;
}

export async function openBoothElection(id = 'booth-1', n = 12): Promise<BoothElection> {
  const h = await startHarness(new Date(localTime(BOOTH_DAY, 40, '09:00')));
  const dir = mkdtempSync(join(tmpdir(), 'saylau-booth-'));
  const prepared = await prepareElection(h.server, h.now, { voters: n, outDir: dir, seed: 7, id });
  h.now.value = new Date(localTime(BOOTH_DAY, 0, '09:00'));
  return {
    h,
    id,
    actors: prepared.actors,
    voters: prepared.people,
    options: prepared.contests[0]!.options.map((o) => o.id),
    closeAndCount: async () => (await finishElection(h.server, h.now, prepared)).result.contests[0]!.counts,
  };
}

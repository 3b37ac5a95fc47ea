/**
 * An election open for voting, built with the demo's steps over HTTP on the test harness (real key
 * ceremony, credentials and login codes), so that the booth tests can close it and decrypt the tally.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localTime } from '../../server/src/elections/calendar.ts';
import {
  as,
  closeVoting,
  createActors,
  createDemoElection,
  credentials,
  decrypt,
  demoVoters,
  fixBallot,
  importRoll,
  keyCeremony,
  loginCodes,
  nominate,
  openVoting,
  signInAll,
  type Actors,
  type Voter,
} from '../../server/src/demo/steps.ts';
import { call } from '../../server/src/cli/http.ts';
import { startHarness, type Harness } from '../../server/test/harness.ts';

export const BOOTH_DAY = '2027-03-14';

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
  const actors = await createActors(h.server.ctx, h.url);
  const setTime = async (t: string) => {
    h.now.value = new Date(t);
    await signInAll(actors);
  };
  await createDemoElection(actors, id, BOOTH_DAY);
  const roll = demoVoters(n, BOOTH_DAY, 7);
  await importRoll(actors, id, roll);
  await nominate(actors, id, roll, h.now.value.toISOString().slice(0, 10));
  const e = await call(as(actors, 'demo-commission'), 'GET', `/api/elections/${id}`);
  await setTime(e.calendar.registrationCloses);
  const { contests } = await fixBallot(actors, id);
  const dir = mkdtempSync(join(tmpdir(), 'saylau-booth-'));
  const trustees = await keyCeremony(actors, id, join(dir, 'trustees'));
  const codes = await credentials(actors, id, roll.length, join(dir, 'credentials'));
  const logins = await loginCodes(actors, id);
  await setTime(localTime(BOOTH_DAY, 0, '07:00'));
  await openVoting(actors, id);
  h.now.value = new Date(localTime(BOOTH_DAY, 0, '09:00'));
  const voters = roll.map((v, i) => ({ ...v, loginCode: logins.get(v.iin)!, credential: codes[i]! }));
  return {
    h,
    id,
    actors,
    voters,
    options: (contests[0].options as { id: string }[]).map((o) => o.id),
    closeAndCount: async () => {
      await setTime(localTime(BOOTH_DAY, 0, '20:00'));
      await closeVoting(actors, id);
      await decrypt(actors, trustees);
      const view = await call(as(actors, 'demo-commission'), 'GET', `/api/elections/${id}/result`);
      return view.result.contests[0].counts as number[];
    },
  };
}

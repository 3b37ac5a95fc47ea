/**
 * The DEMO election that `saylau serve` seeds into an empty data directory, open for voting now, so
 * that a newcomer can vote within a minute. The steps before voting run on a second server over the
 * same database with a virtual clock (nomination and registration deadlines lie in the past); the
 * vote itself runs on the real clock for seven days. Voters' login and credential codes and the demo
 * accounts' passwords are written to DATA/demo/ (mode 0600): they are demo secrets, never real ones.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningServer, startServer, toLocal, toCsv } from '@saylau/server';
import {
  createActors,
  createDemoElection,
  credentials,
  codesByIin,
  demoVoters,
  fixBallot,
  importRoll,
  keyCeremony,
  loginCodes,
  nominate,
  openVoting,
  signInAll,
} from './steps.ts';

export const DEMO_ID = 'demo';
const DAY = 86_400_000;

export async function seedDemo(live: RunningServer, dataDir: string, voters = 20): Promise<void> {
  const real = Date.now();
  const dir = join(dataDir, 'demo');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const now = { value: new Date(real - 4 * DAY) };
  const prep = await startServer({
    dataDir,
    clock: () => now.value,
    log: () => undefined,
    app: { loginRateLimit: false },
  });
  try {
    const actors = await createActors(prep.ctx, prep.url);
    const electionDay = toLocal(new Date(real)).slice(0, 10);
    await createDemoElection(actors, DEMO_ID, electionDay, {
      nominationCloses: toLocal(new Date(real - 3 * DAY)),
      registrationCloses: toLocal(new Date(real - 2 * DAY)),
      votingOpens: toLocal(new Date(real - 60_000)),
      votingCloses: toLocal(new Date(real + 7 * DAY)),
    });
    const roll = demoVoters(voters, electionDay, 2026);
    await importRoll(actors, DEMO_ID, roll);
    await nominate(actors, DEMO_ID, roll, toLocal(now.value).slice(0, 10));
    now.value = new Date(real - 2 * DAY + 60_000);
    await signInAll(actors);
    await fixBallot(actors, DEMO_ID);
    await keyCeremony(actors, DEMO_ID, join(dir, 'trustees'));
    const booth = `${live.url}/elections/${DEMO_ID}/booth`;
    const byRef = await credentials(actors, DEMO_ID, join(dir, 'credentials'), booth);
    const codes = codesByIin(
      actors,
      DEMO_ID,
      byRef,
      roll.map((v) => v.iin),
    );
    const logins = await loginCodes(actors, DEMO_ID);
    now.value = new Date();
    await signInAll(actors);
    await openVoting(actors, DEMO_ID);
    const votersFile = join(dir, 'voters.csv');
    writeFileSync(
      votersFile,
      toCsv(
        ['IIN', 'login code', 'credential code', 'surname', 'given name'],
        roll.map((v) => [v.iin, logins.get(v.iin)!, codes.get(v.iin)!, v.surname, v.givenName]),
      ),
      { mode: 0o600 },
    );
    const accountsFile = join(dir, 'accounts.txt');
    writeFileSync(
      accountsFile,
      [...actors.passwords].map(([name, pw]) => `${name}\t${pw}`).join('\n') + '\n',
      { mode: 0o600 },
    );
    console.log(
      [
        '',
        `DEMO election "${DEMO_ID}" is open for voting until ${toLocal(new Date(real + 7 * DAY))} (Asia/Almaty).`,
        `  Elections:        ${live.url}/`,
        `  Booth:            ${booth} (vote in Kazakh, Russian or English)`,
        `  Find my ballot:   ${live.url}/elections/${DEMO_ID}/find`,
        `  Booth code:       ${live.url}/api/booth (its SHA-256 is in the election manifest)`,
        `  Voters' codes:    ${votersFile} (IIN, login code, credential code — demo only)`,
        `  Letters:          ${join(dir, 'credentials', 'letters.html')}`,
        `  Demo accounts:    ${accountsFile} (administrator, commission, credential authority, trustees)`,
        `  Trustee state:    ${join(dir, 'trustees')}`,
        '',
      ].join('\n'),
    );
  } finally {
    await prep.close();
  }
}

/**
 * SQL injection in every text field the API takes (district names, akim, nominations, refusal
 * reasons, trustee names, sign-in names and codes): each is bound as a parameter, stored as text and
 * returned exactly; the schema and the database stay intact. Roll names are in hostile-csv.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { bytesToB64, signingKeyFromSecret } from '@saylau/crypto';
import { makeIin } from '../src/roll/synthetic.ts';
import { ELECTION_DAY, startHarness, type Harness } from '@saylau/test-kit';
import { RUNS, SQL_INJECTIONS, expectRefusedUnchanged, plainText } from './hostile-arbitraries.ts';

let h: Harness;
let commission: string;
let trustee: string;
let schema: unknown;
const tables = () => h.server.ctx.db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();

beforeAll(async () => {
  h = await startHarness();
  commission = await h.signIn('commission');
  trustee = await h.signIn('trustee');
  schema = tables();
});
afterAll(async () => {
  await h.close();
});

const sqlText = fc.oneof(fc.constantFrom(...SQL_INJECTIONS), plainText);
const names = fc.record({ kk: sqlText, ru: sqlText, en: sqlText });
let n = 0;

describe('SQL injection strings are stored and returned as text', () => {
  it('in an election, the akim, a nomination, its refusal and a trustee', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          district: names,
          akim: sqlText,
          surname: names,
          given: names,
          association: names,
          registration: sqlText.map((s) => s.slice(0, 50)),
          submitter: sqlText,
          reason: sqlText,
          trusteeName: sqlText.map((s) => s.slice(0, 100)),
        }),
        async (t) => {
          const id = `sql-${++n}`;
          const api = (method: string, path: string, body?: unknown, token = commission) =>
            h.api(method, `/api/elections/${id}${path}`, body, token);
          const created = await h.createElection(
            { id, district: t.district, electionDay: ELECTION_DAY },
            commission,
            trustee,
          );
          expect(created.status, created.text.slice(0, 300)).toBe(201);
          expect((await h.api('GET', `/api/elections/${id}`)).body.manifest.district).toEqual(t.district);

          const akimIin = makeIin('1965-02-03', 'male', 7000 + n);
          expect((await api('PUT', '/akim', { iin: akimIin, fullName: t.akim })).status).toBe(200);
          expect((await api('GET', '/akim')).body.akim).toMatchObject({ iin: akimIin, fullName: t.akim });

          const candidate = makeIin('1978-04-04', 'female', 7000 + n);
          const nom = await api('POST', '/nominations', {
            route: {
              kind: 'public-association',
              name: t.association,
              registrationNumber: t.registration,
              level: 'local',
            },
            candidate: { iin: candidate, surname: t.surname, givenNames: t.given },
            attestations: { citizen: true, capacity: true, noUnexpungedConviction: true },
            submittedBy: {
              iin: makeIin('1960-01-01', 'male', 7000 + n),
              fullName: t.submitter,
              position: 'association-head',
            },
          });
          expect(nom.status, nom.text.slice(0, 300)).toBe(201);
          const view = (await api('GET', `/nominations/${nom.body.nomination}`)).body;
          expect(JSON.stringify(view)).toContain(JSON.stringify(t.surname.kk));
          expect(view).toMatchObject({ route: { name: t.association, registrationNumber: t.registration } });
          const refused = await api('POST', `/nominations/${nom.body.nomination}/refuse`, {
            reason: t.reason,
          });
          expect([refused.status, refused.body.reason]).toEqual([200, t.reason]);

          const key = signingKeyFromSecret(new Uint8Array(randomBytes(32)));
          const reg = await api(
            'POST',
            '/trustees',
            {
              name: t.trusteeName,
              signingKey: bytesToB64(key.publicKey),
              boxKey: bytesToB64(randomBytes(32)),
            },
            trustee,
          );
          expect(reg.status, reg.text.slice(0, 300)).toBe(201);
          expect((await api('GET', '/ceremony')).body.trustees[0].name).toBe(t.trusteeName);

          // Whatever was sent, the schema is the same and the file is sound.
          expect(tables()).toEqual(schema);
          expect(h.server.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('in sign-in names, IINs and codes: refused like any wrong input, nothing written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SQL_INJECTIONS), async (s) => {
        const r = await expectRefusedUnchanged(h, () =>
          h.api('POST', '/api/session', { name: s, password: s }),
        );
        expect(['BAD_LOGIN', 'RATE_LIMITED']).toContain(r.body.error.code);
        const v = await expectRefusedUnchanged(h, () =>
          h.api('POST', `/api/elections/sql-1/login`, { iin: s, code: s }),
        );
        expect(v.status).toBeLessThan(500);
        const q = await expectRefusedUnchanged(h, () =>
          h.api('GET', `/api/elections/sql-1/ballots/${encodeURIComponent(s)}`),
        );
        expect(q.status).toBeLessThan(500);
      }),
      { numRuns: SQL_INJECTIONS.length },
    );
    expect(tables()).toEqual(schema);
  });
});

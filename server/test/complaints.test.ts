/**
 * Complaints (SPEC §10.9.5) and my record (§10.9.4): a voter files with a token that is not consumed,
 * at most three; the commission reads the texts and answers once; refusals write nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ELECTION_DAY,
  castSetup,
  cast,
  ballotOf,
  expectRefused,
  startHarness,
  voterToken,
  type CastSetup,
  type Harness,
} from '@saylau/test-kit';
import {
  b64ToBytesStrict,
  bytesToHex,
  decodePath,
  hexToBytesStrict,
  taggedHash256,
  utf8ToBytes,
  verifyInclusion,
} from '@saylau/crypto';

let h: Harness;
let e: CastSetup;
beforeEach(async () => {
  h = await startHarness();
  e = castSetup(h, { voters: 4 });
});
afterEach(async () => {
  await h.close();
});

const file = (body: unknown, token: string | null) =>
  h.api('POST', `/api/elections/${e.id}/complaints`, body, token);

describe('filing a complaint', () => {
  it('appends a commitment, answers a signed receipt and the nonce, and keeps the text private', async () => {
    const token = await voterToken(h, e, 0);
    const r = await file({ about: 'ballot', text: '  My ballot is not on the board.  ' }, token);
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ id: 'k1', receipt: { election: e.id, complaint: 'k1', seq: r.body.seq } });
    const entry = h.server.ctx.board.latest(e.id, 'complaint')!;
    expect(entry.payload).toMatchObject({ id: 'k1', about: 'ballot' });
    const commitment = bytesToHex(
      taggedHash256('complaint/text', [
        hexToBytesStrict(r.body.nonce, 'nonce', 32),
        utf8ToBytes('My ballot is not on the board.'),
      ]),
    );
    expect(entry.payload.commitment).toBe(commitment);
    expect(JSON.stringify(entry.payload)).not.toContain(e.subjects[0]);
    // The token is not consumed: it still casts.
    expect((await cast(h, e.id, ballotOf(h, e, 0, [0]).ballot, token)).status).toBe(201);
    const audit = h.server.ctx.db
      .prepare("SELECT details FROM audit_log WHERE action = 'complaint.file'")
      .pluck()
      .all();
    expect(audit).toEqual([JSON.stringify({ id: 'k1', about: 'ballot' })]);
  });

  it('refuses bad input, a missing or foreign token, and the fourth complaint, writing nothing', async () => {
    const token = await voterToken(h, e, 1);
    await expectRefused(h, () => file({ about: 'weather', text: 'x' }, token), 400, 'BAD_REQUEST');
    await expectRefused(h, () => file({ about: 'other', text: '   ' }, token), 400, 'BAD_REQUEST');
    await expectRefused(h, () => file({ about: 'other', text: 'x'.repeat(2001) }, token), 400, 'BAD_REQUEST');
    await expectRefused(h, () => file({ about: 'other', text: 'x', voter: 'me' }, token), 400, 'BAD_REQUEST');
    await expectRefused(h, () => file({ about: 'other', text: 'x' }, null), 401, 'NO_TOKEN');
    const commission = await h.signIn('commission', undefined, { elections: [e.id] });
    await expectRefused(h, () => file({ about: 'other', text: 'x' }, commission), 401, 'BAD_TOKEN');
    for (let i = 0; i < 3; i++)
      expect((await file({ about: 'other', text: `n${i}` }, token)).status).toBe(201);
    await expectRefused(h, () => file({ about: 'other', text: 'fourth' }, token), 429, 'COMPLAINT_LIMIT');
    // Another voter still may.
    expect((await file({ about: 'roll', text: 'mine' }, await voterToken(h, e, 2))).body.id).toBe('k4');
  });

  it('refuses once voting has closed', async () => {
    const token = await voterToken(h, e, 0);
    h.now.value = new Date(`${ELECTION_DAY}T20:00:00+05:00`);
    const commission = await h.signIn('commission', undefined, { elections: [e.id] });
    expect((await h.api('POST', `/api/elections/${e.id}/close`, {}, commission)).status).toBe(200);
    await expectRefused(h, () => file({ about: 'other', text: 'late' }, token), 409, 'NOT_OPEN');
  });
});

describe('the commission', () => {
  it('reads the texts and answers each complaint once', async () => {
    const commission = await h.signIn('commission', undefined, { elections: [e.id] });
    await file({ about: 'signature', text: 'I never signed.' }, await voterToken(h, e, 0));
    const list = await h.api('GET', `/api/elections/${e.id}/complaints`, undefined, commission);
    expect(list.headers.get('cache-control')).toBe('no-store');
    expect(list.body.complaints).toMatchObject([
      { id: 'k1', about: 'signature', text: 'I never signed.', answer: null },
    ]);
    const answer = (k: string, body: unknown) =>
      h.api('POST', `/api/elections/${e.id}/complaints/${k}/answer`, body, commission);
    await expectRefused(h, () => answer('k2', { decision: 'upheld', text: 'x' }), 404, 'UNKNOWN_COMPLAINT');
    await expectRefused(h, () => answer('kx', { decision: 'upheld', text: 'x' }), 400, 'BAD_REQUEST');
    await expectRefused(h, () => answer('k1', { decision: 'maybe', text: 'x' }), 400, 'BAD_REQUEST');
    expect((await answer('k1', { decision: 'rejected', text: 'The signature list holds it.' })).status).toBe(
      201,
    );
    await expectRefused(
      h,
      () => answer('k1', { decision: 'upheld', text: 'again' }),
      409,
      'ALREADY_ANSWERED',
    );
    const after = await h.api('GET', `/api/elections/${e.id}/complaints`, undefined, commission);
    expect(after.body.complaints[0].answer).toMatchObject({ decision: 'rejected' });
    const voter = await voterToken(h, e, 1);
    expect((await h.api('GET', `/api/elections/${e.id}/complaints`, undefined, voter)).status).toBe(401);
  });
});

describe('the pages', () => {
  it('the observer page lists each complaint, open or with its answer, and never a text', async () => {
    const commission = await h.signIn('commission', undefined, { elections: [e.id] });
    await file({ about: 'roll', text: 'Secret words of k1.' }, await voterToken(h, e, 0));
    await file({ about: 'ballot', text: 'Secret words of k2.' }, await voterToken(h, e, 1));
    const body = { decision: 'upheld', text: 'Corrected.' };
    await h.api('POST', `/api/elections/${e.id}/complaints/k1/answer`, body, commission);
    const page = await (await fetch(`${h.url}/elections/${e.id}?lang=en`)).text();
    expect(page).toContain('data-complaint="k1" data-state="answered"');
    expect(page).toContain('data-complaint="k2" data-state="open"');
    expect(page).toContain('Corrected.');
    expect(page).not.toContain('Secret words');
    const admin = await (await fetch(`${h.url}/admin/elections/${e.id}?lang=ru`)).text();
    expect(admin).toContain('id="complaints-list"');
    expect(admin).not.toContain('Secret words');
  });
});

describe('my record', () => {
  it('gives the roll tag with a proof that checks against the roll entry, the credential and the latest ballot', async () => {
    const token = await voterToken(h, e, 0);
    const path = `/api/elections/${e.id}/my-record`;
    const before = await h.api('GET', path, undefined, token);
    expect(before.status, before.text).toBe(200);
    expect(before.headers.get('cache-control')).toBe('no-store');
    expect(before.body).toMatchObject({
      signedFor: [],
      credential: { issued: true, publicKey: e.credentials[0]!.keys.publicKeyText },
      latest: null,
    });
    const roll = (await h.api('GET', `/api/elections/${e.id}/board/entries/${before.body.roll.seq}`)).body;
    expect(roll.type).toBe('roll');
    const r = before.body.roll;
    expect(
      verifyInclusion(
        b64ToBytesStrict(r.tag, 'tag', 16),
        r.index,
        r.size,
        decodePath(r.path, 'path'),
        hexToBytesStrict(roll.payload.root, 'root', 32),
      ),
    ).toBe(true);
    const receipt = await cast(h, e.id, ballotOf(h, e, 0, [1]).ballot, token);
    const after = await h.api('GET', path, undefined, token); // the same token, already used
    expect(after.body.latest).toEqual({
      seq: receipt.body.receipt.seq,
      tracker: receipt.body.receipt.tracker,
    });
    expect((await h.api('GET', `/api/elections/${e.id}/board/entries/9999`)).body.error.code).toBe(
      'NO_ENTRY',
    );
    expect((await h.api('GET', path, undefined, null)).body.error.code).toBe('NO_TOKEN');
  });
});

/** The Node ballot-client library against a real server: prepare, cast, verify the receipt, look up. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  castBallot,
  castEncrypted,
  fetchAnchor,
  fetchBoard,
  fetchElection,
  findBallot,
  login,
  prepareBallot,
  signForCast,
  verifyReceipt,
  type Fetch,
} from '@saylau/ballot-client';
import { closeCasting } from '../src/casting/routes.ts';
import {
  startHarness,
  type Harness,
  castSetup,
  voterToken,
  type CastSetup,
  clientRefusal,
} from '@saylau/test-kit';

let h: Harness;
let e: CastSetup;
beforeAll(async () => {
  h = await startHarness();
  e = castSetup(h, { voters: 5 });
});
afterAll(async () => {
  await closeCasting(h.server.ctx);
  await h.close();
});

describe('@saylau/ballot-client', () => {
  it('casts end to end: election, ballot on the device, receipt, tracker lookup, board', async () => {
    const election = await fetchElection(h.url, e.id);
    expect(election.status).toBe('open');
    const built = prepareBallot(election.params, e.id, e.credentials[0]!.code, [2]);
    const token = await voterToken(h, e, 0);
    // Signed on the device with the board head it fetches (signature checked), then cast.
    const { anchor, head } = await fetchAnchor(h.url + '/', e.id, election.manifest.serverKey);
    expect(anchor).toEqual({ seq: head.checkpoint.seq, hash: head.checkpoint.head });
    const signed = signForCast(built.ballot, e.credentials[0]!.code, anchor);
    const { receipt, signature } = await castBallot(h.url + '/', e.id, token, signed);
    expect(receipt.tracker).toBe(built.tracker);
    expect(verifyReceipt(receipt, signature, election.manifest.serverKey)).toBe(true);
    expect(
      verifyReceipt({ ...receipt, tracker: 'AAAA-AAAA-AAAA-AAAA' }, signature, election.manifest.serverKey),
    ).toBe(false);
    expect(verifyReceipt(receipt, signature.slice(2), election.manifest.serverKey)).toBe(false);
    expect(
      verifyReceipt(receipt, signature, h.server.ctx.keys.board.publicKeyText.replace(/^../, '00')),
    ).toBe(false);

    const status = await findBallot(h.url, e.id, built.tracker.toLowerCase());
    expect(status).toEqual({
      tracker: built.tracker,
      seq: receipt.seq,
      hash: receipt.hash,
      superseded: false,
      supersededBy: null,
    });

    const board = await fetchBoard(h.url, e.id);
    expect(board.at(-1)).toMatchObject({
      seq: receipt.seq,
      type: 'ballot',
      hash: receipt.hash,
      payload: signed,
    });
    expect(await fetchBoard(h.url, e.id, receipt.seq)).toEqual([board.at(-1)]);

    // The server's refusals arrive as typed errors with its codes.
    const used = await clientRefusal(
      castEncrypted(
        h.url,
        e.id,
        token,
        prepareBallot(election.params, e.id, e.credentials[0]!.code, [0]).ballot,
        e.credentials[0]!.code,
      ),
    );
    expect([used.status, used.code]).toEqual([401, 'TOKEN_USED']);
    const again = await clientRefusal(
      castEncrypted(h.url, e.id, await voterToken(h, e, 0), built.ballot, e.credentials[0]!.code),
    );
    expect([again.status, again.code]).toEqual([409, 'ALREADY_CAST']);
    const d = again.details as { receipt: unknown; signature: string };
    expect(verifyReceipt(d.receipt, d.signature, election.manifest.serverKey)).toBe(true);
    const missing = await clientRefusal(
      findBallot(h.url, e.id, prepareBallot(election.params, e.id, e.credentials[2]!.code, [0]).tracker),
    );
    expect(missing.code).toBe('NO_BALLOT');
  });

  it('casts with a fresh head: once more when the head it used is stale, never with a head whose signature fails', async () => {
    const election = await fetchElection(h.url, e.id);
    const code = e.credentials[3]!.code;
    const stale = (await fetchAnchor(h.url, e.id)).head;
    const first = await castEncrypted(
      h.url,
      e.id,
      await voterToken(h, e, 3),
      prepareBallot(election.params, e.id, code, [1]).ballot,
      code,
    );
    // The revote's first head is older than the first ballot (STALE_ANCHOR): signed again and accepted.
    let heads = 0;
    const replay: Fetch = async (url, init) => {
      if (String(url).endsWith('/board/head') && heads++ === 0)
        return new Response(JSON.stringify(stale), { headers: { 'content-type': 'application/json' } });
      return fetch(url, init);
    };
    const again = await castEncrypted(
      h.url,
      e.id,
      await voterToken(h, e, 3),
      prepareBallot(election.params, e.id, code, [2]).ballot,
      code,
      { fetch: replay, serverKeyHex: election.manifest.serverKey },
    );
    expect(heads).toBe(2);
    expect(again.ballot.anchor.seq).toBeGreaterThanOrEqual(first.signed.receipt.seq);
    expect(again.signed.receipt.seq).toBe(first.signed.receipt.seq + 1);
    // A head whose signature does not verify under the manifest's key is refused before anything is signed.
    const forged: Fetch = async (url, init) => {
      if (!String(url).endsWith('/board/head')) return fetch(url, init);
      const real = (await (await fetch(url, init)).json()) as { signature: string };
      const bad = { ...real, signature: (real.signature[0] === 'a' ? 'b' : 'a') + real.signature.slice(1) };
      return new Response(JSON.stringify(bad), { headers: { 'content-type': 'application/json' } });
    };
    const before = h.snapshot();
    const refused = await clientRefusal(
      castEncrypted(
        h.url,
        e.id,
        await voterToken(h, e, 4),
        prepareBallot(election.params, e.id, e.credentials[4]!.code, [0]).ballot,
        e.credentials[4]!.code,
        { fetch: forged, serverKeyHex: election.manifest.serverKey },
      ),
    );
    expect(refused.code).toBe('BAD_RESPONSE');
    expect(h.snapshot()).toEqual(before);
  });

  it('refuses on the device what cannot be a ballot: a mistyped code, another election, a bad choice', async () => {
    const { params } = await fetchElection(h.url, e.id);
    const code = e.credentials[0]!.code;
    const typo = code.slice(0, 5) + (code[5] === 'a' ? 'b' : 'a') + code.slice(6);
    expect(() => prepareBallot(params, e.id, typo, [0])).toThrow(/check characters|typing/);
    expect(() => prepareBallot(params, 'other-election', code, [0])).toThrow(/another election/);
    expect(() => prepareBallot(params, e.id, code, [9])).toThrow(/option index/);
  });

  it('uses an injected fetch, reports network failures and non-protocol answers', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const fake: Fetch = async (url, init) => {
      calls.push({ url: String(url), init });
      return new Response(JSON.stringify({ token: 't0k', expiresAt: '2026-12-20T08:15:00.000Z' }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    };
    const session = await login('https://vote.example/', 'e 1', '900101300123', 'ABCD-1234', { fetch: fake });
    expect(session.token).toBe('t0k');
    expect(calls[0]!.url).toBe('https://vote.example/api/elections/e%201/login');
    expect(calls[0]!.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]!.init?.body))).toEqual({ iin: '900101300123', code: 'ABCD-1234' });

    const down: Fetch = async () => {
      throw new TypeError('fetch failed');
    };
    expect((await clientRefusal(fetchElection(h.url, e.id, { fetch: down }))).code).toBe('NETWORK');
    const proxy: Fetch = async () => new Response('<html>502</html>', { status: 502 });
    const bad = await clientRefusal(fetchElection(h.url, e.id, { fetch: proxy }));
    expect([bad.status, bad.code]).toEqual([502, 'BAD_RESPONSE']);
    const none = await clientRefusal(fetchElection(h.url, 'nope'));
    expect([none.status, none.code]).toEqual([404, 'NO_ELECTION']);
  });
});

/** The typed call by a row of the endpoint table (SPEC §10, §10.13), against a fake fetch. */
import { describe, expect, it } from 'vitest';
import {
  call,
  callText,
  checkAnswer,
  ClientError,
  endpointUrl,
  ENDPOINTS,
  type Fetch,
} from '../src/index.ts';
import { bytesToB64 } from '@saylau/crypto';

interface Seen {
  url: string;
  init: RequestInit;
}

/** A fetch that records the request and answers `body` with `status`. */
function fake(body: unknown, status = 200, seen: Seen[] = []): Fetch {
  return async (url, init) => {
    seen.push({ url: String(url), init: init ?? {} });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
}

const status = {
  tracker: 'ABCD-EFGH-JKMN-PQRS',
  seq: 7,
  hash: 'ab'.repeat(32),
  superseded: false,
  supersededBy: null,
};

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a ClientError');
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(ClientError);
      return e as ClientError;
    },
  );

describe('call', () => {
  it('fills the path with escaped parameters, sends the body and the token, parses the answer', async () => {
    const seen: Seen[] = [];
    const found = await call(
      'https://vote.example/',
      ENDPOINTS.findBallot,
      { params: { id: 'e 1/../x', tracker: 'AB?#%' } },
      { fetch: fake(status, 200, seen) },
    );
    expect(found).toEqual(status);
    expect(seen[0]!.url).toBe('https://vote.example/api/elections/e%201%2F..%2Fx/ballots/AB%3F%23%25');
    expect(seen[0]!.init.method).toBe('GET');

    await call(
      'https://vote.example',
      ENDPOINTS.voterLogin,
      {
        params: { id: 'e1' },
        body: { iin: '900101300123', code: 'ABCD-1234' },
        query: { method: 'sms otp' },
      },
      { fetch: fake({ token: 't', expiresAt: '2026-12-20T08:15:00.000Z' }, 200, seen) },
    );
    expect(seen[1]!.url).toBe('https://vote.example/api/elections/e1/login?method=sms%20otp');
    expect(seen[1]!.init.method).toBe('POST');
    expect(JSON.parse(String(seen[1]!.init.body))).toEqual({ iin: '900101300123', code: 'ABCD-1234' });

    await call(
      '',
      ENDPOINTS.submitSignatures,
      { params: { id: 'e1', n: 3 }, body: '900101300123\n', token: 'sess' },
      {
        fetch: fake(
          { nomination: 3, valid: 1, threshold: 3, enough: false, required: true, invalid: [] },
          200,
          seen,
        ),
      },
    );
    const headers = seen[2]!.init.headers as Record<string, string>;
    expect([seen[2]!.url, headers['content-type'], headers.authorization]).toEqual([
      '/api/elections/e1/nominations/3/signatures',
      'text/csv',
      'Bearer sess',
    ]);
  });

  it('refuses an answer that does not match the row: a missing field, a wrong type, not JSON', async () => {
    const args = { params: { id: 'e1', tracker: 'T' } };
    const missing: Partial<typeof status> = { ...status };
    delete missing.supersededBy;
    for (const body of [missing, { ...status, seq: '7' }, { ...status, hash: 'nothex' }, [status], null]) {
      const e = await rejection(call('', ENDPOINTS.findBallot, args, { fetch: fake(body) }));
      expect([e.code, e.status]).toEqual(['BAD_RESPONSE', 200]);
      expect(e.message).toMatch(/^the answer of GET \/api\/elections\/:id\/ballots\/:tracker is not what/);
    }
    const head = await rejection(
      call('', ENDPOINTS.boardHead, { params: { id: 'e1' } }, { fetch: fake({ checkpoint: { seq: 1 } }) }),
    );
    expect(head.message).toMatch(/answer\.checkpoint\.election/);
    const text = await rejection(call('', ENDPOINTS.findBallot, args, { fetch: fake('<html>') }));
    expect([text.code, text.message]).toEqual(['BAD_RESPONSE', 'the server response is not JSON']);
  });

  it("surfaces the server's refusal: its code, status, message and details", async () => {
    const refusal = { error: { code: 'TOKEN_USED', message: 'this token was used', details: { seq: 4 } } };
    const e = await rejection(
      call(
        '',
        ENDPOINTS.castBallot,
        { params: { id: 'e1' }, body: { ballot: {} as never }, token: 'v' },
        { fetch: fake(refusal, 401) },
      ),
    );
    expect([e.code, e.status, e.message, e.details]).toEqual([
      'TOKEN_USED',
      401,
      'this token was used',
      { seq: 4 },
    ]);
    const proxy = await rejection(
      call('', ENDPOINTS.listElections, {}, { fetch: fake('<html>502</html>', 502) }),
    );
    expect([proxy.code, proxy.status, proxy.message]).toEqual([
      'BAD_RESPONSE',
      502,
      'the server answered 502',
    ]);
  });

  it('reads a raw answer as text, and any answer with callText', async () => {
    const jsonl = '{"seq":0}\n{"seq":1}\n';
    expect(
      await call('', ENDPOINTS.board, { params: { id: 'e1' }, query: { from: 0 } }, { fetch: fake(jsonl) }),
    ).toBe(jsonl);
    const seen: Seen[] = [];
    const csv = await callText(
      '',
      ENDPOINTS.issueLoginCodes,
      { params: { id: 'e1' }, body: {}, query: { format: 'csv' } },
      { fetch: fake('iin,login_code\n', 201, seen) },
    );
    expect([csv, seen[0]!.url]).toEqual(['iin,login_code\n', '/api/elections/e1/login-codes?format=csv']);
  });

  it('refuses a path without its parameter before sending', () => {
    expect(() => endpointUrl('', ENDPOINTS.election, {})).toThrow(/no value for :id/);
  });
});

describe('checkAnswer', () => {
  const hex = (n: number) => 'ab'.repeat(n);
  /** Non-digest bytes are base64url (SPEC §1.2). */
  const b64 = (n: number) => bytesToB64(new Uint8Array(n).fill(0xab));
  const view = {
    election: 'e1',
    round: 0,
    phase: 'dealing',
    manifest: hex(32),
    trustees: [],
    ceremony: null,
    missing: [2],
    dealings: [
      {
        seq: 5,
        dealer: 1,
        commitments: {
          dealer: 1,
          coefficients: [0, 1].map(() => ({
            point: b64(32),
            proof: { commitment: b64(32), response: b64(32) },
          })),
        },
        shares: [{ dealer: 1, recipient: 2, ephemeralPublicKey: b64(32), nonce: b64(24), box: b64(48) }],
        signature: b64(64),
      },
    ],
    complaints: [],
    disqualified: [],
    jointKey: null,
  };

  it('holds the ceremony view to whole dealings, as the trustees read them (SPEC §10.6.6)', () => {
    expect(checkAnswer(ENDPOINTS.ceremony, view).dealings[0]!.shares[0]!.recipient).toBe(2);
    const thin = { ...view, dealings: [{ seq: 5, dealer: 1 }] };
    expect(() => checkAnswer(ENDPOINTS.ceremony, thin)).toThrow(
      expect.objectContaining({
        code: 'BAD_RESPONSE',
        message: expect.stringMatching(/answer\.dealings\.0\.commitments/),
      }),
    );
    // The earlier hex form of a point, padded base64, and the standard alphabet are not the protocol's.
    const withShare = (share: object) => ({
      ...view,
      dealings: [{ ...view.dealings[0]!, shares: [{ ...view.dealings[0]!.shares[0]!, ...share }] }],
    });
    for (const share of [
      { ephemeralPublicKey: hex(32) },
      { ephemeralPublicKey: `${b64(32).slice(0, 42)}=` },
      { box: `+/${b64(48).slice(2)}` },
      { nonce: `${b64(24)} ` },
    ])
      expect(() => checkAnswer(ENDPOINTS.ceremony, withShare(share))).toThrow(
        expect.objectContaining({
          code: 'BAD_RESPONSE',
          message: expect.stringMatching(/answer\.dealings\.0\.shares\.0\./),
        }),
      );
    const verdict = { dealer: 1, recipient: 2, status: 'maybe', reason: 'feldman' };
    expect(() => checkAnswer(ENDPOINTS.complain, verdict, 201)).toThrow(/answer\.status/);
  });
});

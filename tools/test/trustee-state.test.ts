/** The trustee's state file (version 2: keys and scalars in base64url, SPEC §1.2). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { b64ToBytesStrict, parseSigningPublicKey } from '@saylau/crypto';
import { Code } from '@saylau/protocol';
import { initTrustee, loadState } from '../src/trustee/state.ts';

const dir = mkdtempSync(join(tmpdir(), 'saylau-trustee-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('trustee state file', () => {
  it('is written as version 2 with canonical base64url keys, and read back', () => {
    const file = join(dir, 'new.json');
    const state = initTrustee(file, { election: 'e1', name: 'T' });
    expect(state.version).toBe(2);
    expect(loadState(file)).toEqual(state);
    parseSigningPublicKey(state.signingKey, 'signingKey');
    for (const k of ['signingSecretKey', 'boxSecretKey', 'boxKey'] as const)
      expect(b64ToBytesStrict(state[k], k, 32)).toHaveLength(32);
  });

  it('refuses a version 1 file (hex keys) with a message that says what to do', () => {
    const file = join(dir, 'old.json');
    const hex = (n: number) => 'ab'.repeat(n);
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        election: 'e1',
        name: 'T',
        index: 1,
        round: null,
        signingSecretKey: hex(32),
        signingKey: hex(32),
        boxSecretKey: hex(32),
        boxKey: hex(32),
        dealing: null,
        received: {},
        share: null,
      }),
    );
    expect(() => loadState(file)).toThrow(
      expect.objectContaining({
        code: Code.BAD_STATE,
        message: expect.stringMatching(/earlier Saylau.*new state file/),
      }),
    );
    writeFileSync(file, JSON.stringify({ version: 3, election: 'e1', signingSecretKey: 'x' }));
    expect(() => loadState(file)).toThrow(expect.objectContaining({ code: Code.BAD_STATE }));
  });
});

/** What the booth says about a credential code as typed (SPEC §7.1 check characters). */
import { CryptoError, parseCredentialCode } from '@saylau/crypto';
import type { MessageKey } from './catalog.ts';

export interface CredentialFeedback {
  kind: 'ok' | 'count' | 'error';
  key: MessageKey;
  vars?: Record<string, string | number>;
}

/** Valid, still short (with the count so far), or the mistake: a character codes never use, too long, check characters. */
export function credentialFeedback(typed: string): CredentialFeedback {
  const compact = typed.replace(/[ \t\r\n-]/g, '');
  try {
    parseCredentialCode(typed);
    return { kind: 'ok', key: 'cred.ok' };
  } catch (e) {
    if (!(e instanceof CryptoError)) throw e;
    if (e.code === 'BAD_TYPE') {
      const i = Number(/\[(\d+)\]$/.exec(e.field)?.[1] ?? 0);
      return { kind: 'error', key: 'cred.badChar', vars: { n: i + 1, char: `“${compact[i] ?? ''}”` } };
    }
    if (e.code === 'BAD_LENGTH')
      return compact.length > 18
        ? { kind: 'error', key: 'cred.tooLong' }
        : { kind: 'count', key: 'cred.count', vars: { n: compact.length } };
    return { kind: 'error', key: 'cred.checksum' };
  }
}

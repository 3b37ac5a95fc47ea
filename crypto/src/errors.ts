/**
 * Typed errors (SPEC §1.3). Every decoder and verifier failure names the field it refused,
 * so the server can answer a 4xx with a reason and the verifier can name the failing entry.
 */
export type CryptoErrorCode =
  | 'BAD_TYPE' // not a string / array / object where one is required
  | 'BAD_LENGTH' // wrong byte or element count
  | 'BAD_HEX' // not lowercase hex
  | 'BAD_BASE64' // not canonical base64url without padding
  | 'NON_CANONICAL' // bytes that are not the canonical encoding of a point
  | 'IDENTITY' // the identity point where it must not be
  | 'SCALAR_RANGE' // scalar >= group order, or zero where it must not be
  | 'BAD_CHECKSUM' // a credential code whose check characters do not match
  | 'BAD_PARAMS' // parameters out of range (t, n, counts)
  | 'BAD_PROOF' // a proof or signature that does not verify
  | 'BAD_JSON' // a value that canonical JSON cannot represent
  | 'NOT_FOUND'; // a discrete log outside the searched range

export class CryptoError extends Error {
  override readonly name = 'CryptoError';
  constructor(
    readonly code: CryptoErrorCode,
    /** Path of the offending field, e.g. `contests[0].choices[2].alpha`. */
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export function fail(code: CryptoErrorCode, field: string, message: string): never {
  throw new CryptoError(code, field, message);
}

/**
 * JWTs signed with the server's token key: EdDSA only, so `alg: none` and HS256 confusion are
 * refused by construction (jose checks `algorithms`).
 */
import { SignJWT, importJWK, jwtVerify, type JWTPayload, type CryptoKey } from 'jose';

const b64u = (b: Uint8Array) => Buffer.from(b).toString('base64url');

export interface JwtKeys {
  sign: CryptoKey;
  verify: CryptoKey;
}

export async function importTokenKeys(secretKey: Uint8Array, publicKey: Uint8Array): Promise<JwtKeys> {
  const x = b64u(publicKey);
  const sign = (await importJWK({ kty: 'OKP', crv: 'Ed25519', x, d: b64u(secretKey) }, 'EdDSA')) as CryptoKey;
  const verify = (await importJWK({ kty: 'OKP', crv: 'Ed25519', x }, 'EdDSA')) as CryptoKey;
  return { sign, verify };
}

export const ISSUER = 'saylau';

export async function signJwt(
  keys: JwtKeys,
  claims: JWTPayload,
  opts: { audience: string; subject: string; expiresInSeconds: number; now: Date; jti?: string },
): Promise<string> {
  const iat = Math.floor(opts.now.getTime() / 1000);
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(opts.audience)
    .setSubject(opts.subject)
    .setIssuedAt(iat)
    .setExpirationTime(iat + opts.expiresInSeconds);
  if (opts.jti) jwt.setJti(opts.jti);
  return jwt.sign(keys.sign);
}

export type JwtVerdict = { ok: true; claims: JWTPayload } | { ok: false; reason: 'expired' | 'invalid' };

/** Verify signature, algorithm, issuer, audience and expiry against the server clock. */
export async function verifyJwt(
  keys: JwtKeys,
  token: string,
  audience: string,
  now: Date,
): Promise<JwtVerdict> {
  try {
    const { payload } = await jwtVerify(token, keys.verify, {
      algorithms: ['EdDSA'],
      issuer: ISSUER,
      audience,
      currentDate: now,
      clockTolerance: 0,
      requiredClaims: ['exp', 'iat', 'sub'],
    });
    return { ok: true, claims: payload };
  } catch (e) {
    return { ok: false, reason: (e as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid' };
  }
}

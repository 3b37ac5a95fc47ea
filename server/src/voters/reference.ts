/**
 * The opaque voter reference (SPEC §10.9.1): base64url(HMAC-SHA256(pepper, "voter" 0 election 0
 * iin)) cut to 22 characters. Voter tokens carry it as `sub`, the owner map binds credentials to it
 * (§10.7), and logs name voters by it, so none of them carries an IIN. A pure function of its inputs,
 * so the upload check worker computes the roll's references too.
 */
import { createHmac } from 'node:crypto';

export { VoterRef } from '@saylau/protocol/requests';

export function voterReference(pepper: Uint8Array, election: string, iin: string): string {
  return createHmac('sha256', pepper).update(`voter\0${election}\0${iin}`).digest('base64url').slice(0, 22);
}

/**
 * The server's own secrets, created on first start and kept in the database file: the Ed25519 key
 * that signs checkpoints and receipts (SPEC §9.4), the Ed25519 key that signs voter and session
 * tokens, and the pepper that keys login-code hashes.
 */
import { randomBytes } from 'node:crypto';
import { bytesToB64, signingKeyFromSecret } from '@saylau/crypto';
import type { Db } from './database.ts';
import { nativeSigner, type DocumentSigner } from './signer.ts';

export interface ServerKeys {
  /** Signs checkpoints and receipts; its public half is in every manifest. */
  board: { secretKey: Uint8Array; publicKeyText: string; sign: DocumentSigner };
  /** Signs JWTs (voter tokens, commission sessions). */
  token: { secretKey: Uint8Array; publicKey: Uint8Array };
  /** HMAC key for login-code hashes. */
  pepper: Uint8Array;
}

function secret(db: Db, name: string): Uint8Array {
  const get = db.prepare('SELECT secret FROM server_keys WHERE name = ?');
  const row = get.get(name) as { secret: Buffer } | undefined;
  if (row) return new Uint8Array(row.secret);
  db.prepare('INSERT OR IGNORE INTO server_keys (name, secret) VALUES (?, ?)').run(name, randomBytes(32));
  return new Uint8Array((get.get(name) as { secret: Buffer }).secret);
}

export function loadServerKeys(db: Db): ServerKeys {
  const board = signingKeyFromSecret(secret(db, 'board-ed25519'));
  const token = signingKeyFromSecret(secret(db, 'token-ed25519'));
  return {
    board: {
      secretKey: board.secretKey,
      publicKeyText: bytesToB64(board.publicKey),
      sign: nativeSigner(board.secretKey),
    },
    token: { secretKey: token.secretKey, publicKey: token.publicKey },
    pepper: secret(db, 'login-pepper'),
  };
}

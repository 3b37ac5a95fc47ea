/**
 * The platform seam: the few things the verifier needs that Node and browsers provide differently.
 * verifier/package.json maps `#platform` to platform/web.ts under the `browser` condition (esbuild
 * building the page) and to platform/node.ts otherwise (Node, tsx, vitest, the CLI's build); both
 * export `platform` of this type, and every verdict is the same on both (SPEC §11.3).
 */
import type { BallotWorker } from '../worker-protocol.ts';

export interface Platform {
  /** Lowercase hex SHA-256 of the bytes, or of a string's UTF-8 bytes. */
  sha256Hex(data: string | Uint8Array): string;
  /**
   * A fast Ed25519 check that may only say "valid" when RFC 8032's equation [S]B = R + [k]A holds
   * exactly (with S < ℓ checked by the caller); anything else is "unknown" and the strict §7.4
   * verifier of @saylau/crypto decides.
   */
  fastEd25519(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): 'valid' | 'unknown';
  /** How many ballot workers to start by default: the logical CPUs. */
  cpuCount(): number;
  /** Start a ballot worker for these election parameters (their JSON, SPEC §8.1). */
  startBallotWorker(params: unknown): BallotWorker;
  /** Run `f` on a later turn of the event loop, after pending messages and I/O. */
  later(f: () => void): void;
}

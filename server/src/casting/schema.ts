/**
 * The cast request body at the HTTP boundary (SPEC §10.9 step 1): the ballot's shape with bounded
 * sizes. Exact lengths, hex, canonical points and scalar ranges are left to the strict ballot
 * decoder (§8.3), so that a refusal names the crypto reason and the field.
 */
import { z } from 'zod';
import { MAX_CONTESTS, MAX_OPTIONS } from '@saylau/crypto';

/** Long enough for any valid field, short enough that nothing unbounded gets through. */
const Field = z.string().max(256);

const ZeroOneShape = z.strictObject({
  a0: Field,
  b0: Field,
  a1: Field,
  b1: Field,
  c0: Field,
  s0: Field,
  s1: Field,
});

const ChoiceShape = z.strictObject({ alpha: Field, beta: Field, proof: ZeroOneShape });

const ContestShape = z.strictObject({
  id: Field,
  choices: z.array(ChoiceShape).min(1).max(MAX_OPTIONS),
  sumProof: z.strictObject({ a1: Field, a2: Field, response: Field }),
});

export const BallotShape = z.strictObject({
  version: Field,
  election: Field,
  credential: Field,
  anchor: z.strictObject({ seq: z.number(), hash: Field }),
  contests: z.array(ContestShape).min(1).max(MAX_CONTESTS),
  signature: Field,
});

export const CastBody = z.strictObject({ ballot: BallotShape });
export type CastBody = z.infer<typeof CastBody>;

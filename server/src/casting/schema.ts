/**
 * The cast request body at the HTTP boundary (SPEC §10.9 step 1): the ballot's shape with bounded
 * sizes. Exact lengths, hex, canonical points and scalar ranges are left to the strict ballot
 * decoder (§8.3), so that a refusal names the crypto reason and the field.
 */
import { z } from 'zod';
import { BallotShape } from '@saylau/protocol';

export { BallotShape };

export const CastBody = z.strictObject({ ballot: BallotShape });
export type CastBody = z.infer<typeof CastBody>;

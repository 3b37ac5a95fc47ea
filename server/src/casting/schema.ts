/**
 * The cast request body at the HTTP boundary (SPEC §10.9 step 1): the ballot's shape with bounded
 * sizes. Exact lengths, encodings (§1.2), canonical points and scalar ranges are left to the strict ballot
 * decoder (§8.3), so that a refusal names the crypto reason and the field.
 */
export { BallotShape, CastBody } from '@saylau/protocol';

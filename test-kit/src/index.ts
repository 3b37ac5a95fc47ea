/**
 * The test kit: what the tests of every package share instead of importing each other's test
 * folders. A server on loopback with accounts (`harness.ts`), elections brought to each step over
 * the server's own services (`fixtures.ts`, `ceremony-fixture.ts`), casting helpers, and a whole
 * demo election driven over HTTP (`election.ts`).
 */
export * from './harness.ts';
export * from './fixtures.ts';
export * from './casting-helpers.ts';
export * from './ceremony-fixture.ts';
export * from './election.ts';
export * from './refusal.ts';

/**
 * The board's entry types in the order of SPEC §10's table, with who posts each. The server appends
 * only these; the verifier's check 2.5 judges their order from the same table.
 */
export type Poster = 'administrator' | 'commission' | 'trustee' | 'server' | 'credential-authority' | 'voter';

export const ENTRY_TABLE = [
  { type: 'manifest', section: '10.1', postedBy: ['administrator'] },
  { type: 'roll', section: '10.3', postedBy: ['commission'] },
  { type: 'initiative', section: '10.1.2', postedBy: ['commission'] },
  { type: 'nomination-extended', section: '10.4.6', postedBy: ['commission'] },
  { type: 'candidate', section: '10.4.5', postedBy: ['commission'] },
  { type: 'ballot-fixed', section: '10.5', postedBy: ['commission', 'administrator'] },
  { type: 'trustee', section: '10.6.1', postedBy: ['trustee'] },
  { type: 'ceremony', section: '10.6.2', postedBy: ['commission'] },
  { type: 'dkg-dealing', section: '10.6.3', postedBy: ['trustee'] },
  { type: 'dkg-complaint', section: '10.6.4', postedBy: ['trustee'] },
  { type: 'dkg-answer', section: '10.6.4', postedBy: ['trustee'] },
  { type: 'joint-key', section: '10.6.5', postedBy: ['server'] },
  { type: 'ceremony-reset', section: '10.6.7', postedBy: ['commission'] },
  { type: 'credentials', section: '10.7', postedBy: ['credential-authority'] },
  { type: 'voting-opened', section: '10.8', postedBy: ['commission'] },
  { type: 'ballot', section: '10.9', postedBy: ['voter'] },
  { type: 'sign-ins', section: '10.9.3', postedBy: ['server'] },
  { type: 'complaint', section: '10.9.5', postedBy: ['voter'] },
  { type: 'complaint-answer', section: '10.9.5', postedBy: ['commission'] },
  { type: 'voting-closed', section: '10.10', postedBy: ['commission'] },
  { type: 'tally', section: '10.10', postedBy: ['server'] },
  { type: 'decryption', section: '10.11', postedBy: ['trustee'] },
  { type: 'result', section: '10.12', postedBy: ['server'] },
] as const satisfies readonly { type: string; section: string; postedBy: readonly Poster[] }[];

export type EntryType = (typeof ENTRY_TABLE)[number]['type'];

/** Every entry type, in table order. */
export const ENTRY_TYPES: readonly EntryType[] = ENTRY_TABLE.map((e) => e.type);

export const isEntryType = (x: unknown): x is EntryType =>
  typeof x === 'string' && (ENTRY_TYPES as readonly string[]).includes(x);

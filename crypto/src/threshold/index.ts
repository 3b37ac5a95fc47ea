/** Threshold keys (SPEC §6): DKG, encrypted shares and complaints, threshold decryption, discrete log. */
export * from './params.ts';
export * from './dkg.ts';
export * from './shares.ts';
export * from './decrypt.ts';
export * from './dlog.ts';

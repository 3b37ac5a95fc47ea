/** The trustee-side library (SPEC §6, §10.6, §10.11): what `saylau trustee …` runs on a trustee's machine. */
export { initTrustee, loadState, saveState, type TrusteeState, type StoredDealing } from './state.ts';
export { TrusteeError, type TrusteeApi } from './http.ts';
export {
  registerTrustee,
  deal,
  checkDealings,
  answerComplaints,
  computeShare,
  fetchCeremony,
  checkCeremony,
  prepareDealing,
  signMessage,
  type CheckReport,
  type VerifiedCeremony,
} from './ceremony.ts';
export { decryptTally, type DecryptReport } from './tally.ts';
export { httpBoard, parseBoard, type BoardSource } from './board.ts';

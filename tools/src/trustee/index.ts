/** The trustee-side library (SPEC §6, §10.6, §10.11): what `saylau trustee …` runs on a trustee's machine. */
export { initTrustee, loadState, saveState, type TrusteeState, type StoredDealing } from './state.ts';
/** A trustee-side refusal: the server's code, or the library's own check (SPEC §10.6). The one ClientError. */
export { ClientError as TrusteeError } from '../http.ts';
export {
  registerTrustee,
  deal,
  checkDealings,
  answerComplaints,
  computeShare,
  fetchCeremony,
  checkCeremony,
  type TrusteeApi,
  prepareDealing,
  signMessage,
  type CheckReport,
  type VerifiedCeremony,
} from './ceremony.ts';
export { decryptTally, type DecryptReport } from './tally.ts';
export { httpBoard, parseBoard, type BoardSource } from './board.ts';

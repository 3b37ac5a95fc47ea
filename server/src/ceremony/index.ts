/** Key ceremony services (SPEC §10.6), for the routes, the CLI and the demo. */
export { addTrustee, startCeremony, trusteeOfUser, MAX_TRUSTEES } from './trustees.ts';
export { submitDealing } from './dealings.ts';
export { submitComplaint, submitAnswer, type Verdict } from './complaints.ts';
export { finishCeremony } from './finish.ts';
export { resetCeremony, type ResetPayload } from './reset.ts';
export { ceremonyView, type CeremonyView, type CeremonyPhase } from './view.ts';
export {
  loadCeremony,
  listTrustees,
  currentRound,
  type CeremonyState,
  type JointKeyPayload,
} from './state.ts';
export {
  DealingMessage,
  ComplaintMessage,
  AnswerMessage,
  unsigned,
  requireTrusteeSignature,
} from './messages.ts';

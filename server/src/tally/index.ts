/** Close, tally, decryption and result services (SPEC §10.10–§10.12). */
export { aggregateBallots, type TallyPayload } from '@saylau/protocol';
export { closeVoting } from './close.ts';
export { submitDecryption, computeResult, DecryptionMessage, type ResultPayload } from './decryptions.ts';
export { decideOutcome, drawLot, type Outcome, type OutcomeRules } from './outcome.ts';
export { resultView, tallyView, type ResultView } from './result.ts';
export { renderProtocol } from './protocol.ts';
export { PROTOCOL_STRINGS } from './catalog.ts';

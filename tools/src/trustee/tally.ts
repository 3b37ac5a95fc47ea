/**
 * The trustee's partial decryption of the tally (SPEC §6.7, §10.11). Before using its share the
 * trustee recomputes the tally from the ballots on the board: decrypting anything else (say, one
 * voter's ballot presented as a "tally") would reveal a vote.
 */
import {
  canonicalJson,
  decodeCiphertext,
  decodeElectionParams,
  decodeScalar,
  encodeDecryptionShare,
  partialDecryptMany,
} from '@saylau/crypto';
import {
  lastOfType as last,
  ofType,
  Code,
  aggregateBallots,
  ENDPOINTS,
  type ResultPayload,
} from '@saylau/protocol';
import { call, ClientError } from '../http.ts';
import { httpBoard, parseBoard, type BoardSource } from './board.ts';
import { loadState, requireIndex } from './state.ts';
import { signMessage, type TrusteeApi } from './ceremony.ts';

export interface DecryptReport {
  trustee: number;
  posted: boolean;
  /** The result, once t decryptions are on the board (this one the t-th, or earlier ones). */
  result: ResultPayload | null;
}

export async function decryptTally(
  api: TrusteeApi,
  file: string,
  opts: { board?: BoardSource } = {},
): Promise<DecryptReport> {
  const state = loadState(file);
  const me = requireIndex(state);
  if (!state.share) throw new ClientError('compute the final share first', Code.NO_SHARE);
  const entries = parseBoard(await (opts.board ?? httpBoard(api))(state.election));
  const tallyEntry = last(entries, 'tally');
  const opened = last(entries, 'voting-opened');
  const jk = last(entries, 'joint-key')?.payload;
  if (!tallyEntry || !opened || !jk) throw new ClientError('the board has no tally yet', Code.NO_TALLY);
  // Nothing to do once we have decrypted or the result is out (the server refuses later decryptions).
  const result = last(entries, 'result')?.payload ?? null;
  if (result !== null || ofType(entries, 'decryption').some((e) => e.payload.trustee === me))
    return { trustee: me, posted: false, result };
  const params = decodeElectionParams(opened.payload.params);
  if (params.election !== state.election || params.json.publicKey !== state.share.publicKey)
    throw new ClientError('the election parameters do not carry our joint key', Code.BAD_BOARD);
  if (
    jk.publicKey !== state.share.publicKey ||
    jk.publicShares.find((p) => p.index === me)?.key !== state.share.publicShare
  )
    throw new ClientError('the joint key on the board is not the one our share belongs to', Code.BAD_BOARD);
  const tally = tallyEntry.payload;
  const recomputed = aggregateBallots(
    params,
    ofType(entries, 'ballot').filter((e) => e.seq < tallyEntry.seq),
  );
  if (canonicalJson(recomputed) !== canonicalJson(tally))
    throw new ClientError(
      'the tally is not the sum of the last ballots on the board; refusing to decrypt',
      Code.TALLY_MISMATCH,
    );
  const secret = decodeScalar(state.share.secret, 'share');
  const contests = tally.contests.map((c, ci) => ({
    id: c.id,
    factors: partialDecryptMany(
      params.fingerprint,
      me,
      secret,
      c.ciphertexts.map((x, oi) =>
        decodeCiphertext(x, `tally.contests[${ci}][${oi}]`, { allowIdentity: true }),
      ),
    ).map(encodeDecryptionShare),
  }));
  const message = signMessage(state, { trustee: me, contests });
  const r = await call(api, ENDPOINTS.decrypt, { params: { id: state.election }, body: message });
  return { trustee: me, posted: true, result: r.result?.payload ?? null };
}

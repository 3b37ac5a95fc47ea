/**
 * Filing a complaint (SPEC §10.9.5): a signed-in voter, while voting is open, at most three each. The
 * text stays private; the board gets a commitment to it, and the voter the nonce that opens it.
 */
import { randomBytes } from 'node:crypto';
import { bytesToHex, taggedHash256, utf8ToBytes } from '@saylau/crypto';
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { ApiError, conflict } from '../http/errors.ts';
import { parseWith } from '../http/validate.ts';
import { getElection } from '../elections/store.ts';
import { acceptingBallots } from '../elections/voting.ts';
import { toLocal } from '../elections/calendar.ts';
import { bearerToken } from '../casting/service.ts';
import { signReceipt } from '../casting/receipt.ts';
import { readVoterToken } from '../voters/tokens.ts';
import {
  MAX_COMPLAINTS_PER_VOTER,
  complaintId,
  complaintsFiledBy,
  insertComplaint,
  nextComplaintNumber,
} from './store.ts';
import { Code, type ComplaintFiledJson } from '@saylau/protocol';
import { ComplaintBody } from '@saylau/protocol/requests';

/** hex H256_complaint/text(nonce ‖ utf8(text)) (SPEC §10.9.5, §3.5). */
export function complaintCommitment(nonce: Uint8Array, text: string): string {
  return bytesToHex(taggedHash256('complaint/text', [nonce, utf8ToBytes(text)]));
}

const notOpen = (id: string) => conflict(Code.NOT_OPEN, `election ${id} does not take complaints now`);

export async function fileComplaint(
  ctx: ServerContext,
  election: string,
  authorization: string | undefined,
  body: unknown,
): Promise<ComplaintFiledJson> {
  if (!acceptingBallots(getElection(ctx, election), ctx.clock())) throw notOpen(election); // 1
  const token = await readVoterToken(ctx, election, bearerToken(authorization)); // 2
  const { about, text } = parseWith(ComplaintBody, body); // 3
  const voter = token.subject;
  const nonce = randomBytes(32);
  const entry = ctx.db.transaction(() => {
    const now = ctx.clock();
    if (!acceptingBallots(getElection(ctx, election), now)) throw notOpen(election);
    if (complaintsFiledBy(ctx, election, voter) >= MAX_COMPLAINTS_PER_VOTER)
      throw new ApiError(429, Code.COMPLAINT_LIMIT, `at most ${MAX_COMPLAINTS_PER_VOTER} complaints a voter`);
    const number = nextComplaintNumber(ctx, election);
    const id = complaintId(number);
    const appended = ctx.board.append(election, 'complaint', {
      id,
      about,
      filedAt: toLocal(now),
      commitment: complaintCommitment(nonce, text),
    });
    insertComplaint(ctx, election, {
      number,
      voter,
      about,
      text,
      nonce: bytesToHex(nonce),
      seq: appended.seq,
    });
    audit(ctx, voter, 'complaint.file', election, { id, about });
    return appended;
  })();
  const id = entry.payload.id;
  const checkpoint = { election, seq: entry.seq, head: entry.hash };
  const signed = signReceipt(ctx, { election, complaint: id, seq: entry.seq, hash: entry.hash, checkpoint });
  return { ...signed, id, seq: entry.seq, hash: entry.hash, nonce: bytesToHex(nonce) };
}

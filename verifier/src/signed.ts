/**
 * Signed documents an observer or a voter brings (check 2.4): signed checkpoints `{checkpoint,
 * signature}` (SPEC §9.4), cast receipts `{receipt, signature}` (§10.9.2), or a non-empty array of
 * these, as a file for `--checkpoint` or the page (§11.4, §11.5). Only the shape is read here; the
 * signatures and what they say are check 2.4's (checkpoints.ts).
 */
import * as z from 'zod';

export const SignedCheckpointSchema = z
  .object({
    checkpoint: z.object({ election: z.string(), seq: z.number().int().min(0), head: z.string() }).strict(),
    signature: z.string(),
  })
  .strict();
export type SignedCheckpoint = z.infer<typeof SignedCheckpointSchema>;

const ReceiptSchema = z
  .object({ receipt: z.record(z.string(), z.unknown()), signature: z.string() })
  .strict();

export const SignedFileSchema = z.union([
  SignedCheckpointSchema,
  ReceiptSchema,
  z.array(z.union([SignedCheckpointSchema, ReceiptSchema])).min(1),
]);

/** The checkpoints and the receipts of one parsed file, each in file order. */
export function splitSigned(file: z.infer<typeof SignedFileSchema>): {
  checkpoints: SignedCheckpoint[];
  receipts: unknown[];
} {
  const checkpoints: SignedCheckpoint[] = [];
  const receipts: unknown[] = [];
  for (const doc of Array.isArray(file) ? file : [file])
    if ('checkpoint' in doc) checkpoints.push(doc);
    else receipts.push(doc);
  return { checkpoints, receipts };
}

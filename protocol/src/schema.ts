/** zod building blocks of the protocol's documents and request bodies (SPEC §1, §10). */
// A namespace import: esbuild then bundles only what the booth uses of zod (`{ z }` keeps every locale).
import * as z from 'zod';

/** An election id (SPEC §8.1). */
export const ElectionId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'expected an election id');
export const Iin = z.string().regex(/^\d{12}$/, 'expected 12 digits');
/** A bounded, NFC-normalised, trimmed text field. */
export const Text = (max = 200) =>
  z
    .string()
    .max(max * 4)
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1, 'must not be empty').max(max));
/** A name or text in each language (SPEC §10: non-empty NFC strings). */
export const Names = z.strictObject({ kk: Text(200), ru: Text(200), en: Text(200) });
export type Names = z.output<typeof Names>;
/** A digest (SPEC §1.2): lowercase hex. */
export const Hex = (bytes: number) =>
  z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `expected ${bytes} bytes of lowercase hex`);
/**
 * Any other byte string (SPEC §1.2): base64url without padding. The pattern checks the alphabet and
 * length; the strict decoders (crypto) also refuse non-zero unused bits.
 */
export const B64 = (bytes: number) =>
  z
    .string()
    .regex(
      new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((bytes * 4) / 3)}}$`),
      `expected ${bytes} bytes of base64url without padding`,
    );
/** A trustee index (SPEC §6.1): 1..15. */
export const Index = z.number().int().min(1).max(15);
/** A count on the board: a safe non-negative integer (SPEC §3.1). */
export const Count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** An RFC 3339 time with an explicit offset, as the server writes it (SPEC §10). */
export const BoardTime = z
  .string()
  .max(40)
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/,
    'expected an RFC 3339 time',
  );
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a calendar date',
  );

/** Messages between the booth page and its QR scan worker (SPEC §10.14). */

/** One camera frame as RGBA pixels; its buffer is transferred, not copied. */
export interface ScanRequest {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** The text of the QR code found in the frame, or null if none could be read. */
export interface ScanResponse {
  text: string | null;
}

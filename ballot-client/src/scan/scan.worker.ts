/**
 * The booth's QR scan worker (SPEC §10.14): decodes camera frames with jsQR off the page's thread,
 * for browsers without BarcodeDetector. A file of its own, loaded only when a voter scans, so that
 * jsQR stays out of the page bundle; the page bundle names its content address, so the bundle's
 * SHA-256 in the manifest covers it all the same.
 */
// jsqr is CommonJS: its default import is module.exports, whose `default` is jsQR itself.
import jsqr from 'jsqr';
import type { ScanRequest, ScanResponse } from './protocol.ts';

/** The worker global, typed narrowly so that this file checks against the DOM library. */
const scope = self as unknown as {
  postMessage(message: ScanResponse): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<ScanRequest>) => void): void;
};

scope.addEventListener('message', (e) => {
  const { data, width, height } = e.data;
  let text: string | null = null;
  try {
    // The letter prints dark modules on white paper (SPEC §10.7): no need to try the inverted image.
    text = jsqr.default(data, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
  } catch {
    // a frame jsQR cannot make sense of: the page sends the next one
  }
  scope.postMessage({ text });
});

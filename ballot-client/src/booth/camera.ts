/**
 * Reading the invitation letter's QR code with the camera (SPEC §10.14); the QR holds the compact
 * credential code (SPEC §10.7). BarcodeDetector reads the <video> where the browser has it for QR
 * codes; elsewhere frames are downscaled into a canvas and decoded by jsQR in the content-addressed
 * scan worker, whose URL is compiled into this bundle (so the bundle's hash covers it). At most one
 * frame is in flight, about four a second.
 */
import type { ScanRequest, ScanResponse } from '../scan/protocol.ts';

declare const __SAYLAU_SCAN_URL__: string;

/** About four frames a second: quick enough to feel live, light on an old phone's battery. */
const FRAME_MS = 250;
/** A letter's QR (version 2, 25 modules) held up to the camera reads well at this width. */
const MAX_WIDTH = 640;

interface Decoder {
  /** The QR text in the video's current frame, or null. */
  read(video: HTMLVideoElement): Promise<string | null>;
  close(): void;
}

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
interface DetectorClass {
  new (options: { formats: string[] }): Detector;
  getSupportedFormats?(): Promise<string[]>;
}

/** BarcodeDetector, if the browser has one that reads QR codes (some have it without the format). */
async function barcodeDetector(): Promise<Decoder | null> {
  const Ctor = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (!Ctor) return null;
  try {
    if (Ctor.getSupportedFormats && !(await Ctor.getSupportedFormats()).includes('qr_code')) return null;
    const detector = new Ctor({ formats: ['qr_code'] });
    return {
      read: async (video) => (await detector.detect(video)).map((c) => c.rawValue).find((v) => v) ?? null,
      close: () => undefined,
    };
  } catch {
    return null;
  }
}

/** jsQR in the scan worker; `onFail` if the worker cannot run (it then never answers). */
function scanWorker(onFail: () => void): Decoder {
  const worker = new Worker(__SAYLAU_SCAN_URL__);
  let answer: ((text: string | null) => void) | null = null;
  worker.addEventListener('message', (e: MessageEvent<ScanResponse>) => {
    const a = answer;
    answer = null;
    a?.(e.data.text);
  });
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    onFail();
  });
  const canvas = document.createElement('canvas');
  let ctx: CanvasRenderingContext2D | null = null;
  return {
    read(video) {
      const { videoWidth: w, videoHeight: hgt } = video;
      if (!w || !hgt) return Promise.resolve(null);
      const scale = Math.min(1, MAX_WIDTH / w);
      const width = Math.round(w * scale);
      const height = Math.round(hgt * scale);
      if (canvas.width !== width || canvas.height !== height) [canvas.width, canvas.height] = [width, height];
      // Read back every frame: ask for a canvas kept in memory rather than on the GPU.
      ctx ??= canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) return Promise.reject(new Error('no 2d canvas'));
      ctx.drawImage(video, 0, 0, width, height);
      const { data } = ctx.getImageData(0, 0, width, height);
      return new Promise((resolve) => {
        answer = resolve;
        worker.postMessage({ data, width, height } satisfies ScanRequest, [data.buffer]);
      });
    },
    close: () => worker.terminate(),
  };
}

export interface ScanEvents {
  /** The QR code's text, after the camera has been stopped. */
  onRead(text: string): void;
  /** No camera (refused, absent) or no decoder: the voter types the code. */
  onFail(): void;
}

/**
 * Show the back camera in `video` and look for a QR code until one is read, it fails, or the
 * returned function is called; each way stops the camera's tracks and the scan worker.
 */
export function startScanner(video: HTMLVideoElement, on: ScanEvents): () => void {
  let stopped = false;
  let stream: MediaStream | null = null;
  let decoder: Decoder | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    stream?.getTracks().forEach((t) => t.stop());
    video.srcObject = null;
    decoder?.close();
  };
  const fail = () => {
    if (stopped) return;
    stop();
    on.onFail();
  };

  const tick = async () => {
    if (stopped || !decoder) return;
    const started = performance.now();
    let text: string | null = null;
    try {
      text = (await decoder.read(video))?.trim() || null;
    } catch {
      // a frame that could not be read: try the next one
    }
    if (stopped) return;
    if (text) {
      stop();
      on.onRead(text);
      return;
    }
    timer = setTimeout(() => void tick(), Math.max(0, FRAME_MS - (performance.now() - started)));
  };

  void (async () => {
    let s: MediaStream;
    try {
      s = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch {
      return fail();
    }
    // Stopped while the browser asked for permission: release the camera at once.
    if (stopped) return s.getTracks().forEach((t) => t.stop());
    stream = s;
    video.muted = true; // iOS Safari plays inline only a muted video
    video.srcObject = s;
    await video.play().catch(() => undefined);
    const d = (await barcodeDetector()) ?? scanWorker(fail);
    if (stopped) return d.close();
    decoder = d;
    void tick();
  })();
  return stop;
}

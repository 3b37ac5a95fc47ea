/** A QR code as an SVG element (no canvas, no data URL): one path of dark modules. */
import QRCode from 'qrcode';
import { svg } from './dom.ts';

export function qrSvg(text: string, label: string): SVGElement {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const margin = 4;
  let d = '';
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) if (modules.get(r, c)) d += `M${c + margin} ${r + margin}h1v1h-1z`;
  const size = n + 2 * margin;
  const el = svg('svg', {
    viewBox: `0 0 ${size} ${size}`,
    class: 'qr',
    role: 'img',
    'aria-label': label,
    'shape-rendering': 'crispEdges',
  });
  el.appendChild(svg('rect', { width: size, height: size, fill: '#fff' }));
  el.appendChild(svg('path', { d, fill: '#000' }));
  return el;
}

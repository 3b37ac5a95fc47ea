/**
 * Charts as server-drawn SVG: no script, no inline style (presentation attributes only, which the
 * CSP's style-src does not govern). A viewBox and width 100% make them scale down to a phone.
 */
import { html, type Html } from './html.ts';

export interface Bar {
  label: string;
  value: number;
  /** Text after the bar, e.g. "42 (35.00 %)". */
  note: string;
  highlight?: boolean;
}

/** ViewBox width: about a phone's CSS width, so that the text keeps its size there. */
const W = 360;

/** The SVG element every chart shares: scales with the page, titled for screen readers. */
function frame(title: string, w: number, h: number, content: Html, cls = 'chart', fixed = false): Html {
  return html`<svg
    class="${cls}"
    role="img"
    aria-label="${title}"
    viewBox="0 0 ${w} ${h}"
    ${fixed ? html`width="${w}" height="${h}"` : html`width="100%" preserveAspectRatio="xMinYMin meet"`}
    xmlns="http://www.w3.org/2000/svg"
  >
    <title>${title}</title>
    ${content}
  </svg>`;
}

/** Horizontal bars, one per row, label above the bar: readable at 360 px. */
export function barChart(title: string, bars: Bar[]): Html {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 46;
  const h = bars.length * row + 8;
  return frame(
    title,
    W,
    h,
    html`
      ${bars.map((b, i) => {
        const y = i * row + 4;
        const width = Math.round((b.value / max) * (W - 110));
        return html`<g>
          <text
            x="0"
            y="${y + 14}"
            font-size="15"
            fill="#1b1f24"
            ${b.highlight ? html`font-weight="bold"` : ''}
          >
            ${b.label}
          </text>
          <rect
            x="0"
            y="${y + 20}"
            width="${Math.max(width, 2)}"
            height="18"
            fill="${b.highlight ? '#0b5cad' : '#6e8fb3'}"
          ></rect>
          <text x="${Math.max(width, 2) + 8}" y="${y + 34}" font-size="14" fill="#1b1f24">${b.note}</text>
        </g>`;
      })}
    `,
  );
}

/** Vertical columns with labels under them (ballots per hour). */
export function columnChart(title: string, columns: { label: string; value: number }[]): Html {
  const max = Math.max(1, ...columns.map((c) => c.value));
  const h = 220;
  const base = h - 40;
  const step = W / Math.max(columns.length, 1);
  const bw = Math.max(4, step * 0.7);
  return frame(
    title,
    W,
    h,
    html`
      <line x1="0" y1="${base}" x2="${W}" y2="${base}" stroke="#59636e" stroke-width="1"></line>
      ${columns.map((c, i) => {
        const colH = Math.round((c.value / max) * (base - 24));
        const x = i * step + (step - bw) / 2;
        return html`<g>
          <rect x="${x}" y="${base - colH}" width="${bw}" height="${colH}" fill="#0b5cad"></rect>
          <text x="${x + bw / 2}" y="${base - colH - 5}" font-size="13" text-anchor="middle" fill="#1b1f24">
            ${c.value}
          </text>
          <text x="${x + bw / 2}" y="${base + 16}" font-size="10" text-anchor="middle" fill="#1b1f24">
            ${c.label}
          </text>
        </g>`;
      })}
    `,
  );
}

/** A thin progress bar toward a threshold, with a mark at the threshold. */
export function progressBar(label: string, value: number, threshold: number): Html {
  const full = Math.max(threshold * 1.5, value, 1);
  const w = 200;
  const fill = Math.round((Math.min(value, full) / full) * w);
  const mark = Math.round((threshold / full) * w);
  const ok = value >= threshold;
  return frame(
    label,
    w,
    16,
    html`
      <rect x="0" y="2" width="${w}" height="12" fill="#e6eaef"></rect>
      <rect x="0" y="2" width="${fill}" height="12" fill="${ok ? '#1a7f37' : '#b35900'}"></rect>
      <line x1="${mark}" y1="0" x2="${mark}" y2="16" stroke="#1b1f24" stroke-width="2"></line>
    `,
    'progress',
    true,
  );
}

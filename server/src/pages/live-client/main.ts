/**
 * The live board (SPEC §10.15): reads the head, then polls the board from the next seq (SPEC §9.3)
 * and puts each new entry at the top of the table, by its summary. Bundled by ../bundles.ts (the CSP
 * forbids inline scripts).
 */
import { entriesFrom, headSeq, type BoardEntry } from './board.ts';
import { summary } from './summary.ts';

const election = document.body.dataset.election ?? '';
/** Each entry type's name in the page's language, from the server; an unknown type shows as it is. */
const TYPES = JSON.parse(document.body.dataset.types || '{}') as Partial<Record<string, string>>;
const tbody = document.querySelector('#live-board tbody') as HTMLTableSectionElement;
const count = document.getElementById('live-count') as HTMLElement;
/** Column names, for each cell's label when a phone shows a row as a card (`table.stack`). */
const LABELS = Array.from(document.querySelectorAll('#live-board thead th'), (th) => th.textContent ?? '');
const SHOWN = 200;
const INTERVAL_MS = 3000;

function row(e: BoardEntry): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.dataset.seq = String(e.seq);
  tr.dataset.type = e.type;
  const cells = [String(e.seq), TYPES[e.type] ?? e.type, summary(e), e.hash.slice(0, 8) + '…'];
  cells.forEach((text, i) => {
    const td = document.createElement('td');
    td.textContent = text;
    td.dataset.label = LABELS[i] ?? '';
    if (i === 0) td.className = 'num';
    if (i === 3) {
      td.className = 'hash';
      td.title = e.hash;
    }
    tr.appendChild(td);
  });
  return tr;
}

let next = 0;

async function poll(): Promise<void> {
  try {
    const r = await entriesFrom(election, next);
    if (r) {
      for (const e of r.entries) {
        tbody.insertBefore(row(e), tbody.firstChild);
        next = e.seq + 1;
      }
      while (tbody.children.length > SHOWN) tbody.removeChild(tbody.lastChild!);
      if (Number.isFinite(r.head)) count.textContent = String(r.head + 1);
    }
  } catch {
    // A network hiccup: try again on the next tick.
  }
  setTimeout(poll, INTERVAL_MS);
}

// Start from the last SHOWN entries: read the head first, then page from there.
async function start(): Promise<void> {
  try {
    const head = await headSeq(election);
    if (head !== null) next = Math.max(0, head + 1 - SHOWN);
  } catch {
    next = 0;
  }
  poll();
}

start();

/* global document */
// The live board: polls GET /api/elections/:id/board?from=SEQ (SPEC §9.3) and puts each
// new entry at the top of the table. A ballot is shown by its tracker (SPEC §8.4), computed here
// from the entry itself, so a voter finds the tracker of their receipt. Bundled by ../bundles.ts
// (the CSP forbids inline scripts).
import { ballotTracker } from '@saylau/crypto';

const body = document.body;
const election = body.dataset.election;
const lang = body.dataset.lang || 'kk';
const tbody = document.querySelector('#live-board tbody');
const count = document.getElementById('live-count');
const SHOWN = 200;
const INTERVAL_MS = 3000;

const pick = (names) => (names && typeof names === 'object' ? names[lang] || names.kk || '' : '');

/** The ballot's tracker; an entry the crypto cannot hash (not canonical JSON) shows none. */
function tracker(ballot) {
  try {
    return ballotTracker(ballot);
  } catch {
    return '';
  }
}

/** A few words on what an entry says; the full entry is in the JSONL export. */
function summary(e) {
  const p = e.payload || {};
  switch (e.type) {
    case 'manifest':
      return `${pick(p.district)} · ${p.electionDay}`;
    case 'roll':
      return `${p.count}`;
    case 'candidate':
      return `${p.id}: ${pick(p.surname)} ${pick(p.givenNames)}${p.signatures ? ` (${p.signatures.valid}/${p.signatures.threshold})` : ''}`;
    case 'ballot-fixed':
      return (p.contests || []).map((c) => (c.options || []).map((x) => pick(x.names)).join(', ')).join('; ');
    case 'trustee':
      return `${p.index}: ${p.name}`;
    case 'ceremony':
      return `t = ${p.t}, n = ${p.n}`;
    case 'dkg-dealing':
      return `${p.dealer}`;
    case 'dkg-complaint':
    case 'dkg-answer':
      return `${p.dealer} → ${p.recipient}`;
    case 'joint-key':
      return `[${(p.qualified || []).join(', ')}]`;
    case 'ceremony-reset':
      return `${p.round}: ${p.reason}`;
    case 'credentials':
      return `${p.count}`;
    case 'ballot':
      return tracker(p);
    case 'voting-opened':
      return '';
    case 'voting-closed':
      return `${p.at} · ${p.ballots}`;
    case 'tally':
      return `${p.counted} / ${p.ballots}`;
    case 'decryption':
      return `${p.trustee}`;
    case 'result':
      return (p.contests || []).map((c) => c.counts.join(' · ')).join('; ');
    default:
      return '';
  }
}

function row(e) {
  const tr = document.createElement('tr');
  tr.dataset.seq = String(e.seq);
  tr.dataset.type = e.type;
  const cells = [String(e.seq), e.type, summary(e), e.hash.slice(0, 8) + '…'];
  cells.forEach((text, i) => {
    const td = document.createElement('td');
    td.textContent = text;
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

async function poll() {
  try {
    const res = await fetch(`/api/elections/${encodeURIComponent(election)}/board?from=${next}`, {
      cache: 'no-store',
    });
    if (res.ok) {
      const head = Number(res.headers.get('x-board-head-seq'));
      const lines = (await res.text()).split('\n').filter((l) => l.length > 0);
      for (const line of lines) {
        const e = JSON.parse(line);
        tbody.insertBefore(row(e), tbody.firstChild);
        next = e.seq + 1;
      }
      while (tbody.children.length > SHOWN) tbody.removeChild(tbody.lastChild);
      if (Number.isFinite(head)) count.textContent = String(head + 1);
    }
  } catch {
    // A network hiccup: try again on the next tick.
  }
  setTimeout(poll, INTERVAL_MS);
}

// Start from the last SHOWN entries: read the head first, then page from there.
async function start() {
  try {
    const res = await fetch(`/api/elections/${encodeURIComponent(election)}/board/head`, {
      cache: 'no-store',
    });
    if (res.ok) {
      const h = await res.json();
      next = Math.max(0, h.checkpoint.seq + 1 - SHOWN);
    }
  } catch {
    next = 0;
  }
  poll();
}

start();

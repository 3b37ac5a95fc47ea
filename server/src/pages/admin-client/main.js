/* global document, window, sessionStorage, location */
// The commission pages' script: checks fields as they are typed, calls the JSON API
// (SPEC §10) with the session token kept in sessionStorage, and explains refusals in the page's
// language. Bundled by ../bundles.ts (the CSP forbids inline scripts).
import { parseIin } from '../../roll/iin.ts';

const body = document.body;
const lang = body.dataset.lang || 'kk';
const S = JSON.parse(body.dataset.strings || '{}');
const election = body.dataset.election;
const SESSION = 'saylau.session';
const FLASH = 'saylau.flash';
const $ = (id) => document.getElementById(id);
const base = election ? `/api/elections/${encodeURIComponent(election)}` : '';

// ---------------------------------------------------------------- session and API

function session() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION) || 'null');
  } catch {
    return null;
  }
}

class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

async function api(method, path, payload, contentType) {
  const headers = {};
  const s = session();
  if (s) headers.authorization = `Bearer ${s.token}`;
  let data;
  if (payload !== undefined) {
    headers['content-type'] = contentType || 'application/json';
    data = contentType ? payload : JSON.stringify(payload);
  }
  let res;
  try {
    res = await window.fetch(path, { method, headers, body: data, cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'NETWORK', S['err.NETWORK']);
  }
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  if (!res.ok) {
    const e = (json && json.error) || {};
    if (res.status === 401 && (e.code === 'BAD_SESSION' || e.code === 'NOT_SIGNED_IN')) signOut(false);
    throw new ApiError(res.status, e.code || `HTTP_${res.status}`, e.message || '', e.details);
  }
  return json === null ? text : json;
}

/** A refusal in the page's language; the server's own words and the stable code follow. */
function explain(err) {
  if (!(err instanceof ApiError)) return `${S.refused}: ${String(err && err.message)}`;
  const local = S[`err.${err.code}`];
  let detail = '';
  if (Array.isArray(err.details))
    detail = err.details
      .map((d) => d.path || d.field || '')
      .filter(Boolean)
      .join(', ');
  else if (err.details && typeof err.details === 'object')
    detail = Object.entries(err.details)
      .map(
        ([k, v]) =>
          `${k}: ${Array.isArray(v) ? v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : x)).join(', ') : typeof v === 'object' ? JSON.stringify(v) : v}`,
      )
      .join('; ');
  return `${S.refused}: ${local || err.message} [${err.code}]${local && err.message ? ` — ${err.message}` : ''}${detail ? ` (${detail})` : ''}`;
}

function notice(text, kind = 'info') {
  const n = $('notice');
  if (!n) return;
  n.textContent = text;
  n.className = `notice ${kind}`;
  if (kind === 'error') n.setAttribute('role', 'alert');
  else n.setAttribute('role', 'status');
}

function reloadWith(text) {
  sessionStorage.setItem(FLASH, text);
  location.reload();
}

function signOut(reload = true) {
  sessionStorage.removeItem(SESSION);
  if (reload) location.reload();
}

/** Run an action with its button disabled, showing progress and then the outcome. */
async function act(button, fn) {
  if (button) button.disabled = true;
  notice(S.working);
  try {
    await fn();
  } catch (e) {
    notice(explain(e), 'error');
  } finally {
    if (button) button.disabled = false;
  }
}

// ---------------------------------------------------------------- DOM helpers

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k === 'on') for (const [ev, f] of Object.entries(v)) e.addEventListener(ev, f);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function table(headers, rows) {
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { text: h })))),
    el('tbody', {}, ...rows),
  );
}

const pick = (names) => (names && typeof names === 'object' ? names[lang] || names.kk : '');

/** The ids of the elections the signed-in account holds (SPEC §10.13), read afresh each time. */
async function heldElections() {
  return (await api('GET', '/api/session')).elections;
}

// ---------------------------------------------------------------- validation as you type

/** The server's IIN checks (SPEC §10.3.2 R8), bundled in, for messages while typing. */
function iinError(v) {
  const r = parseIin(v);
  return r.ok ? null : `iin.${r.error}`;
}

const active = (input) => !input.closest('[hidden]') && !input.disabled;

function fieldError(input) {
  if (!active(input)) return null;
  const v =
    input.type === 'file' ? (input.files && input.files.length ? 'x' : '') : (input.value || '').trim();
  if (input.type === 'checkbox') return input.required && !input.checked ? 'mustAttest' : null;
  if (input.required && v === '') return 'required';
  if (v === '') return null;
  if (input.dataset.iin !== undefined) return iinError(v);
  if (input.dataset.electionId !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(v)) return 'badId';
  if (input.dataset.userName !== undefined && !/^[a-z0-9][a-z0-9._-]{1,31}$/.test(v)) return 'badUserName';
  if (input.type === 'number') {
    if (!/^-?[0-9]+$/.test(v)) return 'number';
    const n = Number(v);
    if ((input.min !== '' && n < Number(input.min)) || (input.max !== '' && n > Number(input.max)))
      return 'range';
  }
  if (input.maxLength > 0 && v.length > input.maxLength) return 'tooLong';
  return null;
}

function showError(input, key) {
  const slot = $(`${input.id}-error`);
  if (slot) slot.textContent = key ? S[key] || key : '';
  input.setAttribute('aria-invalid', key ? 'true' : 'false');
}

/** Form-level rules (calendar order, assembly minutes, self-nomination) as [input, key] pairs. */
const formRules = new Map();

function validateForm(form, all) {
  let first = null;
  const inputs = [...form.querySelectorAll('input, textarea, select')].filter((i) => i.id);
  for (const i of inputs) {
    if (!all && !i.dataset.touched) continue;
    const key = fieldError(i);
    showError(i, key);
    if (key && !first) first = i;
  }
  const rules = formRules.get(form.id);
  if (rules)
    for (const [input, key] of rules()) {
      if (!all && !input.dataset.touched) continue;
      if (!fieldError(input)) showError(input, key);
      if (!first) first = input;
    }
  return first;
}

function watch(form, onSubmit) {
  if (!form) return;
  const touch = (e) => {
    if (e.target.id) e.target.dataset.touched = '1';
    validateForm(form, false);
  };
  form.addEventListener('input', touch);
  form.addEventListener('change', touch);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const bad = validateForm(form, true);
    if (bad) {
      bad.focus();
      return;
    }
    act(form.querySelector('button[type="submit"]'), () => onSubmit(form));
  });
}

const val = (id) => ($(id).value || '').trim();
const names = (prefix) => ({ kk: val(`${prefix}-kk`), ru: val(`${prefix}-ru`), en: val(`${prefix}-en`) });
const int = (id) => Number(val(id));

// ---------------------------------------------------------------- the /admin page

/** Show only the elections the account holds; an administrator also gets the creation form. */
async function showHeld(s) {
  $('create-section').hidden = s.user.role !== 'admin';
  const held = await heldElections();
  const items = [...document.querySelectorAll('#election-list [data-election]')];
  for (const li of items) li.hidden = !held.includes(li.dataset.election);
  $('no-elections').hidden = items.some((li) => !li.hidden);
}

function initHome() {
  const s = session();
  $('signin-section').hidden = !!s;
  if (s) showHeld(s).catch((e) => notice(explain(e), 'error'));
  watch($('signin'), async () => {
    const r = await api('POST', '/api/session', {
      name: val('signin-name'),
      password: $('signin-password').value,
    });
    sessionStorage.setItem(SESSION, JSON.stringify(r));
    reloadWith(`${S.done}`);
  });
  const CAL = ['nominationCloses', 'registrationCloses', 'votingOpens', 'votingCloses'];
  formRules.set('create', () => {
    const filled = CAL.map((k) => $(`create-${k}`)).filter((i) => i.value);
    const out = [];
    for (let i = 1; i < filled.length; i++)
      if (filled[i].value <= filled[i - 1].value) out.push([filled[i], 'calendarOrder']);
    return out;
  });
  watch($('create'), async () => {
    const calendar = {};
    for (const k of CAL) if (val(`create-${k}`)) calendar[k] = `${val(`create-${k}`).slice(0, 16)}:00+05:00`;
    const req = {
      district: names('create-district'),
      electionDay: val('create-day'),
      profile: { name: val('create-profile') },
      demo: $('create-demo').checked,
    };
    if (val('create-id')) req.id = val('create-id');
    if (Object.keys(calendar).length) req.calendar = calendar;
    const e = await api('POST', '/api/elections', req);
    sessionStorage.setItem(FLASH, S.done);
    location.href = `/admin/elections/${encodeURIComponent(e.id)}?lang=${lang}`;
  });
}

// ---------------------------------------------------------------- the election page

function rollReport(r) {
  const box = $('roll-report');
  box.replaceChildren();
  box.append(el('p', { id: 'roll-summary' }, `${r.valid} ${S.valid}, ${r.rejectedCount} ${S.rejected}`));
  if (r.rejected.length)
    box.append(
      table(
        [S.line, 'IIN', S.reason, S.message],
        r.rejected.map((x) =>
          el(
            'tr',
            {},
            el('td', { class: 'num', text: x.line }),
            el('td', { text: x.iin }),
            el('td', { text: x.reason }),
            el('td', { text: x.message }),
          ),
        ),
      ),
    );
  if (r.rejectedCount > 0) {
    // Every rejected row as the server's spreadsheet-safe CSV; fetched with the session, saved locally.
    const csv = el('button', { type: 'button', id: 'roll-rejected-csv', text: S.rejectedCsv });
    csv.addEventListener('click', () =>
      act(csv, async () => {
        const text = await api('GET', `${base}/roll/imports/${r.import}/rejected.csv`);
        const a = el('a', {
          href: URL.createObjectURL(new Blob([text], { type: 'text/csv' })),
          download: `rejected-${r.import}.csv`,
          id: 'roll-rejected-download',
          text: S.download,
        });
        csv.replaceWith(a);
        notice(S.done);
      }),
    );
    box.append(el('p', {}, csv));
  }
  if (r.state === 'pending') {
    const accept = el('button', { type: 'button', id: 'roll-accept', text: S.accept });
    accept.addEventListener('click', () =>
      act(accept, async () => {
        const x = await api('POST', `${base}/roll/imports/${r.import}/accept`, {});
        reloadWith(`${S.accepted}: ${x.count} ${S.voters}`);
      }),
    );
    const discard = el('button', { type: 'button', id: 'roll-discard', text: S.discard });
    discard.addEventListener('click', () =>
      act(discard, async () => {
        await api('POST', `${base}/roll/imports/${r.import}/discard`, {});
        reloadWith(S.done);
      }),
    );
    box.append(el('p', {}, accept, ' ', discard));
  }
}

async function loadRoll() {
  const box = $('roll-state');
  try {
    const r = await api('GET', `${base}/roll`);
    box.replaceChildren(
      el('p', { id: 'roll-accepted' }, `${S.accepted}: ${r.count} ${S.voters}`),
      el('p', { class: 'muted' }, `${S.commitment}: `, el('span', { class: 'hash', text: r.commitment })),
      el('p', { class: 'muted' }, `${S.salt}: `, el('span', { class: 'hash', text: r.salt })),
    );
  } catch (e) {
    if (!(e instanceof ApiError && e.code === 'NO_ROLL')) box.textContent = explain(e);
  }
}

function signatureCell(n) {
  const sig = n.signatures;
  if (!sig || !sig.required) return el('td', { text: S.notRequired });
  return el(
    'td',
    {},
    el('span', { class: 'sig', text: `${sig.valid} / ${sig.threshold}` }),
    el('br'),
    el('progress', {
      max: Math.max(sig.threshold, 1),
      value: Math.min(sig.valid, sig.threshold),
      'aria-label': `${S.signatures} ${sig.valid} / ${sig.threshold}`,
    }),
  );
}

const sigReports = new Map();

function nominationActions(n) {
  const td = el('td');
  if (n.status !== 'pending') {
    td.textContent = n.reason || n.candidateId || '';
    return td;
  }
  const id = `sig-${n.nomination}`;
  const area = el('textarea', { id, rows: 3, 'aria-label': S.signerIins, placeholder: S.signerIins });
  const check = el('button', { type: 'button', id: `check-${n.nomination}`, text: S.checkSignatures });
  const report = el('div', { id: `sig-report-${n.nomination}`, 'aria-live': 'polite' });
  // The table is drawn again after each action: keep the last signature report visible.
  if (sigReports.has(n.nomination)) report.append(...sigReports.get(n.nomination));
  check.addEventListener('click', () =>
    act(check, async () => {
      const iins = area.value.split(/\s+/).filter(Boolean);
      const r = await api('POST', `${base}/nominations/${n.nomination}/signatures`, { iins });
      sigReports.set(n.nomination, [
        el('p', {}, `${r.valid} / ${r.threshold}; ${S.invalidSignatures}: ${r.invalid.length}`),
        ...(r.invalid.length
          ? [
              el(
                'ul',
                {},
                ...r.invalid.map((x) =>
                  el('li', { text: `#${x.index + 1}: ${S[`sig.${x.reason}`] || x.reason}` }),
                ),
              ),
            ]
          : []),
      ]);
      notice(S.done);
      await loadNominations();
    }),
  );
  const register = el('button', { type: 'button', id: `register-${n.nomination}`, text: S.register });
  register.addEventListener('click', () =>
    act(register, async () => {
      const c = await api('POST', `${base}/nominations/${n.nomination}/register`, {});
      notice(`${S.done} ${c.id}`);
      await loadNominations();
    }),
  );
  const reason = el('input', {
    type: 'text',
    id: `refuse-reason-${n.nomination}`,
    maxlength: 500,
    'aria-label': S.refuseReason,
    placeholder: S.refuseReason,
  });
  const refuse = el('button', { type: 'button', id: `refuse-${n.nomination}`, text: S.refuse });
  refuse.addEventListener('click', () => {
    if (!reason.value.trim()) {
      notice(`${S.refuseReason}: ${S.required}`, 'error');
      reason.focus();
      return;
    }
    act(refuse, async () => {
      await api('POST', `${base}/nominations/${n.nomination}/refuse`, { reason: reason.value.trim() });
      notice(S.done);
      await loadNominations();
    });
  });
  td.append(area, el('br'), check, report, el('p', {}, register), el('p', {}, reason, ' ', refuse));
  return td;
}

async function loadNominations() {
  const box = $('nominations');
  if (!box) return;
  try {
    const r = await api('GET', `${base}/nominations`);
    box.replaceChildren(
      table(
        [S.nomination, S.candidate, S.route, S.state, S.signatures, S.actions],
        r.nominations.map((n) =>
          el(
            'tr',
            { 'data-nomination': n.nomination },
            el('td', { class: 'num', text: n.nomination }),
            el('td', { text: `${pick(n.candidate.surname)} ${pick(n.candidate.givenNames)}` }),
            el('td', { text: S[`route.${n.route.kind}`] || n.route.kind }),
            el('td', { class: 'nom-status', text: S[`nom.${n.status}`] || n.status }),
            signatureCell(n),
            nominationActions(n),
          ),
        ),
      ),
    );
  } catch (e) {
    box.textContent = explain(e);
  }
}

async function loadCeremony() {
  const box = $('ceremony-state');
  const c = await api('GET', `${base}/ceremony`);
  box.replaceChildren(
    el('p', {}, `${S[`phase.${c.phase}`]}${c.ceremony ? ` · t = ${c.ceremony.t}, n = ${c.ceremony.n}` : ''}`),
    table(
      ['#', S.trustee, S.dealt],
      c.trustees.map((x) =>
        el(
          'tr',
          {},
          el('td', { class: 'num', text: x.index }),
          el('td', { text: x.name }),
          el('td', { text: x.dealt ? S.yes : S.no }),
        ),
      ),
    ),
    ...(c.complaints.length
      ? [
          el(
            'p',
            {},
            `${S.complaints}: ${c.complaints.map((x) => `${x.dealer}→${x.recipient} ${x.status}`).join(', ')}`,
          ),
        ]
      : []),
    ...(c.ceremony
      ? [
          el(
            'p',
            { class: 'muted' },
            `${S.fingerprint}: `,
            el('span', { class: 'hash', text: c.ceremony.fingerprint }),
          ),
        ]
      : []),
  );
}

async function loadTally(status) {
  const box = $('tally-state');
  if (status !== 'closed' && status !== 'finished') return;
  const t = await api('GET', `${base}/tally`);
  box.replaceChildren(
    el(
      'p',
      { id: 'tally-progress' },
      `${S.decryptions}: ${t.decryptions.length} ${S.of} ${t.t} [${t.decryptions.join(', ')}]`,
    ),
  );
  // Trustees decrypt from their own machines: wait for the result, then show the protocol link.
  if (status === 'closed' && t.finished) reloadWith(S.done);
  else if (status === 'closed') window.setTimeout(() => loadTally(status).catch(() => undefined), 4000);
}

// ---------------------------------------------------------------- an administrator's grants

async function loadGrants() {
  const r = await api('GET', `${base}/grants`);
  $('grants').replaceChildren(
    table(
      [S.grantUser, S.role, S.actions],
      r.grants.map((g) => {
        const revoke = el('button', {
          type: 'button',
          id: `revoke-${g.user}`,
          text: S.revoke,
          'aria-label': `${S.revoke}: ${g.user}`,
        });
        revoke.addEventListener('click', () =>
          act(revoke, async () => {
            await api('DELETE', `${base}/grants/${encodeURIComponent(g.user)}`);
            notice(S.done);
            await loadGrants();
          }),
        );
        return el(
          'tr',
          { 'data-user': g.user },
          el('td', { text: g.user }),
          el('td', { text: S[`role.${g.role}`] || g.role }),
          el('td', {}, revoke),
        );
      }),
    ),
  );
}

function initGrants() {
  $('grants-section').hidden = false;
  watch($('grant'), async (form) => {
    await api('POST', `${base}/grants`, { user: val('grant-user') });
    form.reset();
    delete $('grant-user').dataset.touched;
    notice(S.done);
    await loadGrants();
  });
  loadGrants().catch((e) => notice(explain(e), 'error'));
}

async function initElection() {
  const status = body.dataset.status;
  const s = session();
  if (!s) {
    notice(S['err.NOT_SIGNED_IN'], 'error');
    const n = $('notice');
    n.append(' ', el('a', { href: `/admin?lang=${lang}`, text: '→' }));
    return;
  }
  // An administrator grants the election and runs none of its steps; anyone else sees the steps of
  // an election it holds only (SPEC §10.13).
  if (s.user.role === 'admin') return initGrants();
  if (!(await heldElections()).includes(election)) {
    notice(S['err.NOT_GRANTED'], 'error');
    return;
  }
  $('steps').hidden = false;

  if ($('roll-state')) loadRoll();
  watch($('roll-import'), async () => {
    const file = $('roll-file').files[0];
    const r = await api('POST', `${base}/roll/imports`, file, 'text/csv');
    rollReport(r);
    notice(`${r.valid} ${S.valid}, ${r.rejectedCount} ${S.rejected}`);
  });

  watch($('akim'), async () => {
    await api('PUT', `${base}/akim`, { iin: val('akim-iin'), fullName: val('akim-name') });
    notice(S.done);
  });

  const route = $('nom-route');
  const showRoute = () => {
    for (const box of document.querySelectorAll('#nominate [data-route]'))
      box.hidden = !box.dataset.route.split(' ').includes(route.value);
    if (route.value === 'self') $('nom-position').value = 'candidate';
  };
  if (route) {
    route.addEventListener('change', showRoute);
    showRoute();
  }
  formRules.set('nominate', () => {
    const out = [];
    if (route.value === 'citizen-assembly') {
      if (val('nom-attendance') && val('nom-quorum') && int('nom-attendance') < int('nom-quorum'))
        out.push([$('nom-attendance'), 'quorum']);
      if (val('nom-votes') && val('nom-attendance') && 2 * int('nom-votes') <= int('nom-attendance'))
        out.push([$('nom-votes'), 'majority']);
    }
    if (route.value === 'self' && val('nom-sub-iin') && val('nom-sub-iin') !== val('nom-iin'))
      out.push([$('nom-sub-iin'), 'err.BAD_SUBMITTER']);
    return out;
  });
  watch($('nominate'), async (form) => {
    const kind = route.value;
    const r = { kind };
    if (kind === 'public-association' || kind === 'party') r.name = names('nom-org');
    if (kind === 'public-association') {
      r.registrationNumber = val('nom-regnum');
      r.level = val('nom-level');
    }
    if (kind === 'citizen-assembly')
      Object.assign(r, {
        date: val('nom-date'),
        place: val('nom-place'),
        attendance: int('nom-attendance'),
        quorum: int('nom-quorum'),
        votesFor: int('nom-votes'),
        chairIin: val('nom-chair'),
      });
    const candidate = { iin: val('nom-iin'), surname: names('nom-surname'), givenNames: names('nom-given') };
    if (val('nom-education')) candidate.education = val('nom-education');
    const n = await api('POST', `${base}/nominations`, {
      route: r,
      candidate,
      attestations: {
        citizen: $('nom-citizen').checked,
        capacity: $('nom-capacity').checked,
        noUnexpungedConviction: $('nom-conviction').checked,
      },
      submittedBy: { iin: val('nom-sub-iin'), fullName: val('nom-sub-name'), position: val('nom-position') },
    });
    form.reset();
    for (const i of form.querySelectorAll('[data-touched]')) delete i.dataset.touched;
    showRoute();
    notice(`${S.done} № ${n.nomination}`);
    await loadNominations();
  });
  loadNominations();

  watch($('extend'), async () => {
    await api('POST', `${base}/nominations/extend`, { days: int('extend-days') });
    reloadWith(S.done);
  });

  const button = (id, fn) => {
    const b = $(id);
    if (b) b.addEventListener('click', () => act(b, fn));
  };
  button('fix-ballot', async () => {
    await api('POST', `${base}/ballot/fix`, {});
    reloadWith(S.done);
  });

  if ($('ceremony-state')) loadCeremony().catch((e) => notice(explain(e), 'error'));
  watch($('ceremony-start'), async () => {
    await api('POST', `${base}/ceremony/start`, { t: int('ceremony-t') });
    reloadWith(S.done);
  });
  button('ceremony-finish', async () => {
    await api('POST', `${base}/ceremony/finish`, {});
    reloadWith(S.done);
  });
  // SPEC §10.6.7: abandon this round; the reason goes on the board, so ask once more.
  watch($('ceremony-reset'), async () => {
    if (!window.confirm(S.confirmReset)) return;
    const r = await api('POST', `${base}/ceremony/reset`, { reason: val('reset-reason') });
    reloadWith(`${S.done} · ${S.round}: ${r.round}`);
  });

  // SPEC §10.7: the public list for the board, and the private owner map the server checks ballots against.
  watch($('credentials-publish'), async () => {
    let list;
    let owners;
    try {
      list = JSON.parse(await $('credentials-file').files[0].text()).list;
      const pairs = JSON.parse(await $('credentials-owners').files[0].text()).owners;
      // On the wire owners[i] is the voter who holds list[i] (SPEC §10.7).
      const holder = new Map(pairs.map((p) => [p.credential, p.voter]));
      owners = list.map((k) => holder.get(k) ?? '');
    } catch {
      throw new Error(S.badFile);
    }
    const r = await api('POST', `${base}/credentials`, { list, owners });
    reloadWith(`${S.published}: ${r.count} · ${S.fingerprint} ${r.fingerprint}`);
  });

  button('issue-codes', async () => {
    const csv = await api('POST', `${base}/login-codes?format=csv`, {});
    const count = csv.trim().split('\n').length - 1;
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    $('codes-state').replaceChildren(
      el(
        'p',
        {},
        `${count} ${S.codesIssued}: `,
        el('a', {
          href: url,
          download: `login-codes-${election}.csv`,
          id: 'codes-download',
          text: S.download,
        }),
      ),
    );
    notice(S.done);
  });

  button('open-voting', async () => {
    await api('POST', `${base}/open`, {});
    reloadWith(S.done);
  });
  button('close-voting', async () => {
    if (!window.confirm(S.confirmClose)) return;
    await api('POST', `${base}/close`, {});
    reloadWith(S.done);
  });
  loadTally(status).catch((e) => notice(explain(e), 'error'));
}

// ---------------------------------------------------------------- start

function start() {
  const s = session();
  if (s && $('session-bar')) {
    $('session-bar').hidden = false;
    $('whoami').textContent = `${s.user.name} (${s.user.role})`;
    $('signout').addEventListener('click', () => signOut(true));
  }
  const flash = sessionStorage.getItem(FLASH);
  if (flash) {
    sessionStorage.removeItem(FLASH);
    notice(flash);
  }
  if (body.dataset.page === 'home') initHome();
  if (body.dataset.page === 'election') initElection().catch((e) => notice(explain(e), 'error'));
}

start();

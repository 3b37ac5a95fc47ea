/**
 * Checks 3.1–3.4: the voter roll entry (SPEC §10.3), candidates (§10.4), the fixed ballot (§10.5)
 * and nomination extensions (§10.4.6).
 */
import {
  MerkleTree,
  ROLL_TAG_BYTES,
  bytesToB64,
  bytesToHex,
  decodeTags,
  firstOutOfOrder,
} from '@saylau/crypto';
import type { Entry } from './board.ts';
import type { Profile } from '@saylau/protocol';
import { LANGS } from '@saylau/protocol/lang';
import type { Manifest } from './manifest.ts';
import type { Collector } from './report.ts';
import {
  arr,
  b64,
  bool,
  asArray,
  date,
  dig,
  hex,
  int,
  type Json,
  member,
  names,
  type Names,
  obj,
  oneOf,
  sameJson,
  str,
  text,
  time,
} from './shape.ts';
import { GLOSSARY } from '@saylau/protocol/glossary';

export interface Roll {
  seq: number;
  count: number;
  /** The public tags (§10.3.4) as base64url strings, for the signer checks of 3.5. */
  tags: Set<string>;
}

/** An option of the fixed ballot as far as the outcome rules need it (§10.12). */
export interface ContestInfo {
  id: string;
  kind: 'candidates' | 'question';
  options: { id: string; kind: string }[];
}

const DAY = 86_400_000;
const AGAINST_ALL: Names = GLOSSARY.againstAll.name;

const YES_NO = ['yes', 'no'] as const;
const YES_NO_ABSTAIN = ['yes', 'no', 'abstain'] as const;

/**
 * 3.1: exactly one roll entry, `{count ≥ 1, commitment: 64 hex, tags, root}`: `count` distinct tags in
 * ascending order whose Merkle tree has the published root (§10.3.4).
 */
export function checkRoll(entries: readonly Entry[], out: Collector): Roll | null {
  const rolls = entries.filter((e) => e.type === 'roll');
  rolls.slice(1).forEach((e) => out.fail('3.1', e.seq, 'rollAgain'));
  const e = rolls[0];
  if (!e) return null;
  return (
    out.guard('3.1', e.seq, 'roll', () => {
      const o = obj(e.payload, 'roll', ['count', 'commitment', 'tags', 'root']);
      hex(o.commitment, 'roll.commitment', 32);
      const count = int(o.count, 'roll.count', 1, 100_000);
      const root = hex(o.root, 'roll.root', 32);
      const tags = decodeTags(o.tags, 'roll.tags');
      if (tags.length !== count) out.fail('3.1', e.seq, 'rollTagCount', { tags: tags.length, count });
      const i = firstOutOfOrder(tags);
      if (i > 0) out.fail('3.1', e.seq, 'rollTagOrder', { index: i });
      if (tags.length > 0 && bytesToHex(new MerkleTree(tags).root) !== root)
        out.fail('3.1', e.seq, 'rollRoot');
      return { seq: e.seq, count, tags: new Set(tags.map(bytesToB64)) };
    }) ?? null
  );
}

/** ceil(percent × roll count / 100) in integer arithmetic (§10.2: 1 % of 850 voters is 9 signatures). */
export function shareOf(percent: number, count: number): number {
  return Math.ceil((count * percent) / 100);
}

/** §10.4.7: the candidate's tags, with a chair's exactly for a citizens' assembly. */
function readTags(v: unknown, assembly: boolean): Candidate['tags'] {
  const o = obj(
    v,
    'candidate.tags',
    assembly ? ['candidate', 'submitter', 'chair'] : ['candidate', 'submitter'],
  );
  const tag = (x: unknown, path: string) => b64(x, path, ROLL_TAG_BYTES);
  return {
    candidate: tag(o.candidate, 'candidate.tags.candidate'),
    submitter: tag(o.submitter, 'candidate.tags.submitter'),
    chair: o.chair === undefined ? null : tag(o.chair, 'candidate.tags.chair'),
  };
}

const partyKey = (s: string) => s.toLocaleLowerCase('kk').replace(/\s+/g, ' ').trim();

/** The published route object (§10.4): no IIN; a citizen assembly's minutes satisfy N5. */
function checkRoute(
  v: unknown,
  registeredAt: string | null,
  out: Collector,
  seq: number,
  profile: Profile | null,
): Json {
  const kind = oneOf((v as Json | null)?.kind, 'candidate.route.kind', [
    'public-association',
    'citizen-assembly',
    'party',
    'self',
  ] as const);
  const p = 'candidate.route';
  switch (kind) {
    case 'public-association': {
      const o = obj(v, p, ['kind', 'name', 'registrationNumber', 'level']);
      names(o.name, `${p}.name`);
      text(o.registrationNumber, `${p}.registrationNumber`, 50);
      oneOf(o.level, `${p}.level`, ['national', 'regional', 'local']);
      return o;
    }
    case 'citizen-assembly': {
      const o = obj(v, p, ['kind', 'date', 'place', 'attendance', 'quorum', 'votesFor']);
      const day = date(o.date, `${p}.date`);
      names(o.place, `${p}.place`);
      const attendance = int(o.attendance, `${p}.attendance`, 0, 1_000_000);
      const quorum = int(o.quorum, `${p}.quorum`, 0, 1_000_000);
      const votesFor = int(o.votesFor, `${p}.votesFor`, 0, 1_000_000);
      // N5: quorum ≥ 1, attendance ≥ quorum, votesFor ≤ attendance and a majority of those present.
      if (quorum < 1 || attendance < quorum || votesFor > attendance || 2 * votesFor <= attendance)
        out.fail('3.2', seq, 'assemblyMinutes', { attendance, quorum, votesFor });
      // The assembly precedes the submission, which precedes the registration.
      if (registeredAt !== null && day > registeredAt.slice(0, 10))
        out.fail('3.2', seq, 'assemblyAfterRegistration', { date: day });
      return o;
    }
    case 'party': {
      const o = obj(v, p, ['kind', 'name'], ['membership']);
      names(o.name, `${p}.name`);
      // N5a: under law-2021 the party attests the nominee's membership by a decision dated
      // no later than the registration.
      if (o.membership === undefined) {
        if (profile?.name === 'law-2021') out.fail('3.2', seq, 'partyMembershipMissing');
      } else {
        const m = obj(o.membership, `${p}.membership`, ['decision', 'date', 'member']);
        text(m.decision, `${p}.membership.decision`, 50);
        const day = date(m.date, `${p}.membership.date`);
        if (bool(m.member, `${p}.membership.member`) !== true) out.fail('3.2', seq, 'partyNotMember');
        if (registeredAt !== null && day > registeredAt.slice(0, 10))
          out.fail('3.2', seq, 'partyDecisionAfterRegistration', { date: day });
      }
      return o;
    }
    case 'self':
      return obj(v, p, ['kind']);
  }
}

export interface Candidate {
  seq: number;
  id: string;
  surname: Names;
  givenNames: Names;
  route: string;
  /** §10.4.7: base64url tags of the candidate, the submitter and an assembly's chair. */
  tags: { candidate: string; submitter: string; chair: string | null };
  /** The signers' tags as published (in order), or null when the route needs none. */
  signers: Uint8Array[] | null;
}

/**
 * 3.2 every candidate entry; 3.4 every nomination extension. Returns the candidates that could be
 * read (for 3.3).
 */
export function checkCandidates(
  entries: readonly Entry[],
  manifest: Manifest,
  roll: Roll | null,
  out: Collector,
): Candidate[] {
  const candidates: Candidate[] = [];
  const profile: Profile | null = manifest.profile;
  let registrationCloses = manifest.calendar.registrationCloses;
  let nominationCloses = manifest.calendar.nominationCloses;
  let extended = 0;
  let k = 0;
  const parties: { seq: number; name: Names }[] = [];
  for (const e of entries) {
    if (e.type === 'nomination-extended') {
      if (manifest.kind !== 'akim') out.fail('3.4', e.seq, 'extensionInReferendum');
      out.guard('3.4', e.seq, 'nomination-extended', () => {
        const o = obj(e.payload, 'nomination-extended', ['nominationCloses', 'registrationCloses', 'days']);
        const days = int(o.days, 'nomination-extended.days', 1, 5);
        const n = time(o.nominationCloses, 'nomination-extended.nominationCloses');
        const r = time(o.registrationCloses, 'nomination-extended.registrationCloses');
        extended += days;
        // E4 at most 5 days in all; E5 both deadlines move by whole days, still before voting opens;
        // E3 fewer than two live nominations (registered candidates are live).
        if (extended > 5) out.fail('3.4', e.seq, 'extensionLimit', { days: extended });
        if (n !== nominationCloses + days * DAY || r !== registrationCloses + days * DAY)
          out.fail('3.4', e.seq, 'extensionDays', { days });
        if (!(r < manifest.calendar.votingOpens)) out.fail('3.4', e.seq, 'extensionOverflow');
        if (k >= 2) out.fail('3.4', e.seq, 'extensionEnough', { candidates: k });
        nominationCloses = n;
        registrationCloses = r;
      });
      continue;
    }
    if (e.type !== 'candidate') continue;
    k++;
    if (manifest.kind !== 'akim') out.fail('3.2', e.seq, 'candidateInReferendum');
    const c = out.guard('3.2', e.seq, 'candidate', () => {
      const o = obj(e.payload, 'candidate', [
        'id',
        'surname',
        'givenNames',
        'route',
        'tags',
        'signatures',
        'registeredAt',
      ]);
      const cid = str(o.id, 'candidate.id');
      // c1, c2, … in registration order (§10.4, R-REG4).
      if (cid !== `c${k}`) out.fail('3.2', e.seq, 'candidateId', { id: cid, expected: `c${k}` });
      const surname = names(o.surname, 'candidate.surname');
      const givenNames = names(o.givenNames, 'candidate.givenNames');
      const at = time(o.registeredAt, 'candidate.registeredAt');
      if (!(at < registrationCloses)) out.fail('3.2', e.seq, 'registeredLate');
      const route = checkRoute(o.route, o.registeredAt as string, out, e.seq, profile);
      const kind = route.kind as string;
      const tags = readTags(o.tags, kind === 'citizen-assembly');
      let signers: Uint8Array[] | null = null;
      // N5 with the roll: attendance within the roll, the profile's quorum (§10.2).
      if (kind === 'citizen-assembly' && profile) {
        if (!roll || roll.seq > e.seq) out.fail('3.2', e.seq, 'assemblyWithoutRoll');
        else {
          const attendance = route.attendance as number;
          const quorum = route.quorum as number;
          const want = shareOf(profile.assemblyQuorumPercent, roll.count);
          if (attendance > roll.count)
            out.fail('3.2', e.seq, 'assemblyAboveRoll', { attendance, roll: roll.count });
          if (quorum !== want) out.fail('3.2', e.seq, 'assemblyQuorum', { quorum, expected: want });
        }
      }
      if (profile) {
        if (!profile.routes.includes(kind as never))
          out.fail('3.2', e.seq, 'routeNotAllowed', { route: kind });
        const required = profile.signaturesFrom.includes(kind as never);
        if (!required && o.signatures !== null) out.fail('3.2', e.seq, 'signaturesNotNull', { route: kind });
        if (required) {
          if (o.signatures === null) out.fail('3.2', e.seq, 'signaturesMissing', { route: kind });
          else {
            const s = obj(o.signatures, 'candidate.signatures', ['valid', 'threshold', 'signers']);
            const valid = int(s.valid, 'candidate.signatures.valid');
            const threshold = int(s.threshold, 'candidate.signatures.threshold');
            signers = decodeTags(s.signers, 'candidate.signatures.signers', 20_000);
            if (signers.length !== valid)
              out.fail('3.5', e.seq, 'signerCount', { valid, signers: signers.length });
            // R-REG2: the roll is accepted before, and the count meets ceil(percent × roll count / 100).
            if (!roll || roll.seq > e.seq) out.fail('3.2', e.seq, 'signaturesWithoutRoll');
            else {
              const want = shareOf(profile.signaturePercent, roll.count);
              if (threshold !== want) out.fail('3.2', e.seq, 'thresholdWrong', { threshold, expected: want });
            }
            if (valid < threshold) out.fail('3.2', e.seq, 'belowThreshold', { valid, threshold });
          }
        }
        // N11 (law-2021): one candidate per party, the same party by any one name.
        if (profile.onePartyCandidate && kind === 'party') {
          const name = names(route.name, 'candidate.route.name');
          const rival = parties.find((p) => LANGS.some((l) => partyKey(p.name[l]) === partyKey(name[l])));
          if (rival) out.fail('3.2', e.seq, 'partyTwice', { other: rival.seq });
          parties.push({ seq: e.seq, name });
        }
      }
      return { seq: e.seq, id: cid, surname, givenNames, route: kind, tags, signers };
    });
    if (c) candidates.push(c);
  }
  return candidates;
}

const collator = new Intl.Collator('kk');
const idNumber = (id: string) => Number(id.slice(1));

/** §10.5 B2: Kazakh collation of surname, then given names, then the registration number. */
export function ballotOrder(cs: readonly Candidate[]): Candidate[] {
  return [...cs].sort(
    (a, b) =>
      collator.compare(a.surname.kk, b.surname.kk) ||
      collator.compare(a.givenNames.kk, b.givenNames.kk) ||
      idNumber(a.id) - idNumber(b.id),
  );
}

/** 3.3: the fixed ballot is the registered candidates in §10.5 order and "Against all" last. */
export function checkBallotFixed(
  entries: readonly Entry[],
  manifest: Manifest,
  candidates: readonly Candidate[],
  out: Collector,
): ContestInfo[] | null {
  const e = entries.find((x) => x.type === 'ballot-fixed');
  if (!e) return null;
  if (manifest.kind === 'referendum') {
    // "A referendum's ballot is fixed at creation": right after the manifest.
    if (e.index !== 1) out.fail('3.3', e.seq, 'referendumBallotLate');
    return (
      out.guard('3.3', e.seq, 'ballot-fixed', () => {
        const o = obj(e.payload, 'ballot-fixed', ['contests']);
        const cs = arr(
          o.contests,
          'ballot-fixed.contests',
          manifest.questions.length,
          manifest.questions.length,
        );
        return manifest.questions.map((q, i): ContestInfo => {
          const p = `ballot-fixed.contests[${i}]`;
          const c = obj(cs[i], p, ['id', 'kind', 'question', 'options']);
          if (c.id !== q.id || c.kind !== 'question' || !sameJson(c.question, q.text))
            out.fail('3.3', e.seq, 'questionMismatch', { question: q.id });
          // §10.5: "yes", "no", and "abstain" when the profile offers it (any of the two when 1.2 failed).
          const kinds = manifest.profile?.abstain === false ? YES_NO : YES_NO_ABSTAIN;
          const opts = arr(c.options, `${p}.options`, manifest.profile ? kinds.length : 2, 3).map((x, oi) => {
            const oo = obj(x, `${p}.options[${oi}]`, ['id', 'kind', 'names']);
            names(oo.names, `${p}.options[${oi}].names`);
            return {
              id: str(oo.id, `${p}.options[${oi}].id`),
              kind: str(oo.kind, `${p}.options[${oi}].kind`),
            };
          });
          if (opts.some((o, oi) => o.id !== kinds[oi] || o.kind !== kinds[oi]))
            out.fail('3.3', e.seq, 'questionOptions', { question: q.id });
          return { id: q.id, kind: 'question', options: opts };
        });
      }) ?? null
    );
  }
  if (candidates.length === 0) out.fail('3.3', e.seq, 'noCandidates');
  const options = [
    ...ballotOrder(candidates).map((c) => ({
      id: c.id,
      kind: 'candidate',
      names: {
        kk: `${c.surname.kk} ${c.givenNames.kk}`,
        ru: `${c.surname.ru} ${c.givenNames.ru}`,
        en: `${c.surname.en} ${c.givenNames.en}`,
      },
    })),
    { id: 'against-all', kind: 'against-all', names: AGAINST_ALL },
  ];
  // The akim's tag is 3.6's to check; here only that the ballot is the candidates' (§10.5).
  const akim = member(e.payload, 'akim');
  const expected = {
    contests: [{ id: 'akim', kind: 'candidates', options }],
    ...(akim === undefined ? {} : { akim }),
  };
  if (!sameJson(e.payload, expected)) {
    const found = asArray(dig(e.payload, 'contests', 0, 'options'));
    out.fail('3.3', e.seq, 'ballotFixedMismatch', {
      expected: options.map((o) => o.id).join(', '),
      found: found ? found.map((o) => String(member(o, 'id'))).join(', ') : '?',
    });
  }
  // Later checks (6.1, 10.2) use the ballot as published: that is what voters saw and what counts index.
  return (
    readContests(e.payload) ?? [
      { id: 'akim', kind: 'candidates', options: options.map((o) => ({ id: o.id, kind: o.kind })) },
    ]
  );
}

/** The published contests as far as they are readable, or null. */
function readContests(payload: unknown): ContestInfo[] | null {
  const cs = asArray(member(payload, 'contests'));
  if (!cs || cs.length === 0) return null;
  const out: ContestInfo[] = [];
  for (const c of cs) {
    const id = member(c, 'id');
    const kind = member(c, 'kind');
    const os = asArray(member(c, 'options'));
    if (typeof id !== 'string' || (kind !== 'candidates' && kind !== 'question') || !os) return null;
    const options = os.map((o) => ({ id: String(member(o, 'id')), kind: String(member(o, 'kind')) }));
    out.push({ id, kind, options });
  }
  return out;
}

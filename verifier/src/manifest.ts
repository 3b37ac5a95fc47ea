/** Checks 1.1–1.4: the manifest (SPEC §10.1), its rule profile (§10.2) and its questions' subjects. */
import { parseSigningPublicKey } from '@saylau/crypto';
import type { Education, Profile, QuestionSubject, RouteKind } from '@saylau/protocol';
import type { Entry } from './board.ts';
import type { Collector } from './report.ts';
import {
  arr,
  asObject,
  bool,
  date,
  hex,
  id,
  int,
  names,
  obj,
  oneOf,
  sameSet,
  str,
  time,
  type Json,
  type Names,
} from './shape.ts';

// §10.2's lists, checked against the protocol's types; reading them stays this verifier's own code.
export const ROUTES = [
  'public-association',
  'citizen-assembly',
  'party',
  'self',
] as const satisfies readonly RouteKind[];
const EDUCATION = ['secondary', 'vocational', 'higher'] as const satisfies readonly Education[];
/**
 * §10.1.1's question subjects: those a local referendum may decide, then those the law excludes
 * (Constitutional Law "On the Republican Referendum" art. 3, and the republic's own competence).
 */
const ALLOWED_SUBJECTS = [
  'local-amenities',
  'local-development',
  'community-life',
] as const satisfies readonly QuestionSubject[];
const EXCLUDED_SUBJECTS = [
  'rights-and-freedoms',
  'state-foundations',
  'territory-and-borders',
  'justice-defence-security',
  'budget-and-taxes',
  'amnesty-and-pardon',
  'appointments',
  'international-obligations',
  'republic-competence',
] as const satisfies readonly QuestionSubject[];
const SUBJECTS = [...ALLOWED_SUBJECTS, ...EXCLUDED_SUBJECTS] as const;
const CALENDAR = ['nominationCloses', 'registrationCloses', 'votingOpens', 'votingCloses'] as const;

export interface Calendar {
  nominationCloses: number;
  registrationCloses: number;
  votingOpens: number;
  votingCloses: number;
}

export interface Manifest {
  election: string;
  kind: 'akim' | 'referendum';
  demo: boolean;
  calendar: Calendar;
  /** null when the profile is not one of §10.2 (1.2 failed). */
  profile: Profile | null;
  /** null when not a valid §7.4 key (1.1 failed). */
  serverKey: string | null;
  questions: { id: string; text: Names; subject: QuestionSubject }[];
  /** SHA-256 (hex) of the booth bundle, for observers to compare with what voters run; null if absent. */
  booth: string | null;
  /** Hash of the manifest entry (bound into the ceremony fingerprint, §10.6.2). */
  hash: string;
}

/** SPEC §10.2: what each named profile fixes. The rest is chosen per election. */
const FIXED: Record<
  Profile['name'],
  Pick<
    Profile,
    | 'routes'
    | 'signaturesFrom'
    | 'oneSignaturePerSigner'
    | 'onePartyCandidate'
    | 'signaturePercent'
    | 'minimumAge'
    | 'abstain'
    | 'turnoutPercent'
    | 'assemblyQuorumPercent'
    | 'initiativePercent'
  >
> = {
  reform: {
    routes: [...ROUTES],
    signaturesFrom: [...ROUTES],
    oneSignaturePerSigner: true,
    onePartyCandidate: false,
    signaturePercent: 1,
    minimumAge: 25,
    abstain: true,
    turnoutPercent: 50,
    assemblyQuorumPercent: 10,
    initiativePercent: 5,
  },
  'law-2021': {
    routes: ['party', 'self'],
    signaturesFrom: ['self'],
    oneSignaturePerSigner: false,
    onePartyCandidate: true,
    signaturePercent: 1,
    minimumAge: 25,
    abstain: false,
    turnoutPercent: 50,
    assemblyQuorumPercent: 10,
    initiativePercent: 10,
  },
};

const PROFILE_KEYS = [
  'name',
  'routes',
  'signaturesFrom',
  'signaturePercent',
  'oneSignaturePerSigner',
  'onePartyCandidate',
  'minimumAge',
  'minimumEducation',
  'againstAllWins',
  'tie',
  'abstain',
  'turnoutPercent',
  'assemblyQuorumPercent',
  'initiativePercent',
];

/** 1.2: one of §10.2's profiles with its fixed rules exactly; the per-election choices in range. */
function checkProfile(v: unknown, out: Collector): Profile | null {
  return (
    out.guard('1.2', 0, 'manifest.profile', () => {
      const o = obj(v, 'profile', PROFILE_KEYS);
      const name = oneOf(o.name, 'profile.name', ['reform', 'law-2021'] as const);
      const routes = arr(o.routes, 'profile.routes').map((r, i) => oneOf(r, `profile.routes[${i}]`, ROUTES));
      const signaturesFrom = arr(o.signaturesFrom, 'profile.signaturesFrom').map((r, i) =>
        oneOf(r, `profile.signaturesFrom[${i}]`, ROUTES),
      );
      const p: Profile = {
        name,
        routes,
        signaturesFrom,
        signaturePercent: typeof o.signaturePercent === 'number' ? o.signaturePercent : NaN,
        oneSignaturePerSigner: bool(o.oneSignaturePerSigner, 'profile.oneSignaturePerSigner'),
        onePartyCandidate: bool(o.onePartyCandidate, 'profile.onePartyCandidate'),
        minimumAge: int(o.minimumAge, 'profile.minimumAge', 0, 200),
        minimumEducation:
          o.minimumEducation === null
            ? null
            : oneOf(o.minimumEducation, 'profile.minimumEducation', EDUCATION),
        againstAllWins: oneOf(o.againstAllWins, 'profile.againstAllWins', ['repeat', 'off'] as const),
        tie: oneOf(o.tie, 'profile.tie', ['repeat', 'lot'] as const),
        abstain: bool(o.abstain, 'profile.abstain'),
        turnoutPercent: int(o.turnoutPercent, 'profile.turnoutPercent', 0, 100),
        assemblyQuorumPercent: int(o.assemblyQuorumPercent, 'profile.assemblyQuorumPercent', 1, 100),
        initiativePercent: int(o.initiativePercent, 'profile.initiativePercent', 1, 100),
      };
      const f = FIXED[name];
      const wrong: string[] = [];
      if (!sameSet(p.routes, f.routes)) wrong.push('routes');
      if (!sameSet(p.signaturesFrom, f.signaturesFrom)) wrong.push('signaturesFrom');
      if (p.signaturePercent !== f.signaturePercent) wrong.push('signaturePercent');
      if (p.oneSignaturePerSigner !== f.oneSignaturePerSigner) wrong.push('oneSignaturePerSigner');
      if (p.onePartyCandidate !== f.onePartyCandidate) wrong.push('onePartyCandidate');
      if (p.minimumAge !== f.minimumAge) wrong.push('minimumAge');
      if (p.abstain !== f.abstain) wrong.push('abstain');
      if (p.turnoutPercent !== f.turnoutPercent) wrong.push('turnoutPercent');
      if (p.assemblyQuorumPercent !== f.assemblyQuorumPercent) wrong.push('assemblyQuorumPercent');
      if (p.initiativePercent !== f.initiativePercent) wrong.push('initiativePercent');
      if (wrong.length > 0) {
        out.fail('1.2', 0, 'profileRules', { name, fields: wrong.join(', ') });
        return null;
      }
      return p;
    }) ?? null
  );
}

/** 1.1, 1.2 and 1.4 on seq 0; 1.3 no other manifest. Returns what could be read (null: nothing usable). */
export function checkManifest(entries: readonly Entry[], out: Collector): Manifest | null {
  const first = entries[0]!;
  for (const e of entries.slice(1)) if (e.type === 'manifest') out.fail('1.3', e.seq, 'manifestAgain');
  const seq = first.seq;
  let o: Json;
  try {
    o = obj(
      first.payload,
      'manifest',
      [
        'version',
        'election',
        'kind',
        'demo',
        'district',
        'electionDay',
        'timeZone',
        'calendar',
        'profile',
        'serverKey',
      ],
      ['questions', 'booth'],
    );
  } catch (e) {
    out.refuse('1.1', seq, e, 'manifest');
    // Keep going with what is readable, so that later checks can still name the election.
    if (typeof first.payload !== 'object' || first.payload === null) return null;
    // An array reads as an object without members: each field below then fails on its own.
    o = asObject(first.payload) ?? {};
  }
  const g = <T>(what: string, f: () => T): T | undefined => out.guard('1.1', seq, what, f);
  g('manifest.version', () => {
    if (o.version !== 'saylau/v1') out.fail('1.1', seq, 'manifestVersion');
  });
  const election = g('manifest.election', () => id(o.election, 'manifest.election'));
  const kind = g('manifest.kind', () => oneOf(o.kind, 'manifest.kind', ['akim', 'referendum'] as const));
  const demo = g('manifest.demo', () => bool(o.demo, 'manifest.demo'));
  g('manifest.district', () => names(o.district, 'manifest.district'));
  g('manifest.electionDay', () => date(o.electionDay, 'manifest.electionDay'));
  g('manifest.timeZone', () => {
    if (str(o.timeZone, 'manifest.timeZone') !== 'Asia/Almaty') out.fail('1.1', seq, 'manifestTimeZone');
  });
  const calendar = g('manifest.calendar', () => {
    const c = obj(o.calendar, 'manifest.calendar', CALENDAR);
    const times = CALENDAR.map((k) => time(c[k], `manifest.calendar.${k}`));
    for (let i = 1; i < times.length; i++)
      if (!(times[i]! > times[i - 1]!)) out.fail('1.1', seq, 'calendarOrder', { field: CALENDAR[i]! });
    const [nominationCloses, registrationCloses, votingOpens, votingCloses] = times as [
      number,
      number,
      number,
      number,
    ];
    return { nominationCloses, registrationCloses, votingOpens, votingCloses };
  });
  const serverKey = g('manifest.serverKey', () => {
    parseSigningPublicKey(o.serverKey, 'manifest.serverKey');
    return o.serverKey as string;
  });
  const questions =
    g('manifest.questions', () => {
      if (kind === 'referendum' && !Object.hasOwn(o, 'questions'))
        out.fail('1.1', seq, 'manifestQuestionsMissing');
      if (kind !== 'referendum' && Object.hasOwn(o, 'questions'))
        out.fail('1.1', seq, 'manifestQuestionsExtra');
      if (!Object.hasOwn(o, 'questions')) return [];
      const qs = arr(o.questions, 'manifest.questions', 1, 16).map((q, i) => {
        const qo = obj(q, `manifest.questions[${i}]`, ['id', 'text', 'subject']);
        return {
          id: id(qo.id, `manifest.questions[${i}].id`),
          text: names(qo.text, `manifest.questions[${i}].text`),
          subject: oneOf(qo.subject, `manifest.questions[${i}].subject`, SUBJECTS),
        };
      });
      if (new Set(qs.map((q) => q.id)).size !== qs.length) out.fail('1.1', seq, 'manifestQuestionIds');
      return qs;
    }) ?? [];
  // §10.1: the SHA-256 of the booth bundle voters run, when the server serves the browser booth.
  const booth = g('manifest.booth', () =>
    Object.hasOwn(o, 'booth')
      ? hex(obj(o.booth, 'manifest.booth', ['sha256']).sha256, 'manifest.booth.sha256', 32)
      : null,
  );
  const profile = checkProfile(o.profile, out);
  // 1.4: no question on a subject the law keeps from a referendum (§10.1.1).
  for (const q of questions)
    if ((EXCLUDED_SUBJECTS as readonly string[]).includes(q.subject))
      out.fail('1.4', seq, 'questionExcluded', { question: q.id, subject: q.subject });
  if (election === undefined || kind === undefined) return null;
  return {
    election,
    kind,
    demo: demo ?? false,
    calendar: calendar ?? {
      nominationCloses: NaN,
      registrationCloses: NaN,
      votingOpens: NaN,
      votingCloses: NaN,
    },
    profile,
    serverKey: serverKey ?? null,
    questions,
    booth: booth ?? null,
    hash: first.hash,
  };
}

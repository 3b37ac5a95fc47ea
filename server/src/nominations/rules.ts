/**
 * Checks of a nomination's documents against the rule profile (SPEC §10.2, §10.4). Each throws a 4xx
 * with a stable code; the caller writes nothing unless all pass.
 */
import { conflict, unprocessable } from '../http/errors.ts';
import { assemblyFault } from '../elections/assembly.ts';
import { before, toLocal } from '../elections/calendar.ts';
import { EDUCATION, assemblyQuorum, type Profile } from '../elections/profiles.ts';
import type { Election } from '../elections/store.ts';
import { ageOn, parseIin } from '../roll/iin.ts';
import type { NominationInput, Route } from './schemas.ts';
import { Code, type Names } from '@saylau/protocol';
import { LANGS } from '@saylau/protocol/lang';

/** 409 NOMINATION_CLOSED at or after the nomination deadline in force (extensions included). */
export function requireNominationOpen(e: Election, now: Date): void {
  if (!before(now, e.calendar.nominationCloses))
    throw conflict(Code.NOMINATION_CLOSED, `nomination closed at ${e.calendar.nominationCloses}`);
}

/** A valid IIN or 422 BAD_IIN naming the field; returns the birth date. */
export function requireIin(iin: string, field: string): string {
  const p = parseIin(iin);
  if (!p.ok)
    throw unprocessable(Code.BAD_IIN, `${field} is not a valid IIN (${p.error})`, { field, reason: p.error });
  return p.value.birthDate;
}

/**
 * N3–N5a. Returns the route as stored: a citizens' assembly's quorum is the profile's, computed from
 * the roll's count (§10.2), which therefore must be accepted before an assembly's nomination.
 */
export function checkRoute(profile: Profile, v: NominationInput, now: Date, rollCount: number): Route {
  const route = v.route;
  if (!profile.routes.includes(route.kind))
    throw unprocessable(
      Code.ROUTE_NOT_ALLOWED,
      `the ${profile.name} profile allows nomination by ${profile.routes.join(', ')}, not ${route.kind}`,
    );
  if (route.kind === 'self' && v.submittedBy.iin !== v.candidate.iin)
    throw unprocessable(Code.BAD_SUBMITTER, 'a self-nomination is submitted by the candidate in person');
  if (route.kind === 'party') checkMembership(profile, route.membership, now);
  if (route.kind !== 'citizen-assembly') return route;
  requireIin(route.chairIin, 'route.chairIin');
  if (rollCount === 0)
    throw conflict(Code.NO_ROLL, "an assembly's quorum is a share of the roll: accept the roll first");
  const quorum = assemblyQuorum(profile, rollCount);
  const fault = assemblyFault(route, { quorum, rollCount, today: toLocal(now).slice(0, 10) });
  if (fault)
    throw unprocessable(Code.BAD_ASSEMBLY, `the citizen assembly minutes do not nominate: ${fault.why}`, {
      reason: fault.reason,
    });
  return { ...route, quorum };
}

/**
 * N5a: under law-2021 a party nominates from its members, so the nomination carries the party's
 * decision and the attestation that the nominee is a member; a decision dated after the submission
 * is refused under any profile.
 */
function checkMembership(
  profile: Profile,
  m: { decision: string; date: string; member: boolean } | undefined,
  now: Date,
): void {
  const refuse = (reason: string, why: string) => {
    throw unprocessable(Code.PARTY_MEMBERSHIP_MISSING, why, { reason });
  };
  if (profile.name === 'law-2021' && m === undefined)
    refuse('missing', 'under law-2021 a party nominates one of its members: route.membership is required');
  if (m === undefined) return;
  if (m.member !== true) refuse('not-member', 'the party does not attest that the nominee is a member');
  if (m.date > toLocal(now).slice(0, 10))
    refuse('date', `the party's decision of ${m.date} is dated after the submission`);
}

/** Age from the IIN on election day, the three attestations, and the profile's minimum education. */
export function checkCandidate(profile: Profile, e: Election, v: NominationInput): void {
  const birthDate = requireIin(v.candidate.iin, 'candidate.iin');
  const age = ageOn(birthDate, e.manifest.electionDay);
  if (age < profile.minimumAge)
    throw unprocessable(
      Code.UNDER_AGE,
      `the candidate is ${age} on election day ${e.manifest.electionDay}; the minimum is ${profile.minimumAge}`,
    );
  const missing = (Object.keys(v.attestations) as (keyof typeof v.attestations)[]).filter(
    (k) => v.attestations[k] !== true,
  );
  if (missing.length > 0)
    throw unprocessable(Code.ATTESTATION_MISSING, `not attested: ${missing.join(', ')}`, { missing });
  const min = profile.minimumEducation;
  if (min !== null) {
    const has = v.candidate.education;
    if (has === undefined || EDUCATION.indexOf(has) < EDUCATION.indexOf(min))
      throw unprocessable(
        Code.EDUCATION_BELOW_MINIMUM,
        `the profile requires ${min} education; the candidate has ${has ?? 'none recorded'}`,
      );
  }
}

/** Same party name in any language, ignoring case and spacing. */
export function sameParty(a: Names, b: Names) {
  const key = (s: string) => s.toLocaleLowerCase('kk').replace(/\s+/g, ' ').trim();
  return LANGS.some((l) => key(a[l]) === key(b[l]));
}

/**
 * A citizens' assembly's minutes by N5's rule (SPEC §10.4.3 N5, §10.1.2): the assembly precedes the
 * submission, has the profile's quorum (a share of the roll, §10.2), no more present than the roll
 * has voters, at least the quorum present, and a majority of those present for.
 */
export interface AssemblyMinutes {
  date: string;
  attendance: number;
  /** As the minutes give it; left out, the profile's is taken. */
  quorum?: number | undefined;
  votesFor: number;
}

export type AssemblyReason =
  'date' | 'quorum' | 'attendance-above-roll' | 'below-quorum' | 'votes-above-attendance' | 'no-majority';

export interface AssemblyFault {
  reason: AssemblyReason;
  why: string;
}

/**
 * The first N5 rule the minutes break, or null. `quorum` is the profile's for a roll of `rollCount`
 * voters; `today` the local date of the submission.
 */
export function assemblyFault(
  m: AssemblyMinutes,
  at: { quorum: number; rollCount: number; today: string },
): AssemblyFault | null {
  const fault = (reason: AssemblyReason, why: string) => ({ reason, why });
  const { quorum, rollCount } = at;
  if (m.date > at.today) return fault('date', `the assembly date ${m.date} is after the submission`);
  if (m.quorum !== undefined && m.quorum !== quorum)
    return fault('quorum', `the quorum is ${quorum} (${rollCount} voters on the roll), not ${m.quorum}`);
  if (m.attendance > rollCount)
    return fault('attendance-above-roll', `${m.attendance} present, but the roll has ${rollCount} voters`);
  if (m.attendance < quorum)
    return fault('below-quorum', `attendance ${m.attendance} is below the quorum ${quorum}`);
  if (m.votesFor > m.attendance) return fault('votes-above-attendance', 'more votes for than people present');
  if (2 * m.votesFor <= m.attendance)
    return fault('no-majority', `${m.votesFor} of ${m.attendance} present is not more than half`);
  return null;
}

/**
 * A citizens' assembly's minutes by N5's numbers (SPEC §10.4.3 N5, §10.1.2): the assembly precedes
 * the submission, meets its quorum and decides by a majority of those present.
 */
export interface AssemblyMinutes {
  date: string;
  attendance: number;
  quorum: number;
  votesFor: number;
}

export interface AssemblyFault {
  /** `date`, `quorum`, `below-quorum`, `votes-above-attendance` or `no-majority`. */
  reason: string;
  why: string;
}

/** The first N5 rule the minutes break, or null; `today` is the local date of the submission. */
export function assemblyFault(m: AssemblyMinutes, today: string): AssemblyFault | null {
  const fault = (reason: string, why: string) => ({ reason, why });
  if (m.date > today) return fault('date', `the assembly date ${m.date} is after the submission`);
  if (m.quorum < 1) return fault('quorum', 'the quorum must be at least 1');
  if (m.attendance < m.quorum)
    return fault('below-quorum', `attendance ${m.attendance} is below the quorum ${m.quorum}`);
  if (m.votesFor > m.attendance) return fault('votes-above-attendance', 'more votes for than people present');
  if (2 * m.votesFor <= m.attendance)
    return fault('no-majority', `${m.votesFor} of ${m.attendance} present is not more than half`);
  return null;
}

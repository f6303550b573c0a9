import { toCanonicalKey } from './toCanonicalKey.ts';

/*
 * Trusted: a quorum of identical answers. Not trusted: a single answer, or whatever number of
 * answers below the quorum, however many of them there are. `undefined` stands for an endpoint
 * that did not answer (down, timed out, malformed, on another chain): it agrees with nobody.
 */

export type FindQuorumValueParameters<Value> = {
  /** One entry per configured endpoint. */
  answers: readonly (Value | undefined)[];
  quorum: number;
};

export type FindQuorumValueReturnType<Value> =
  | { status: 'agreed'; value: Value; agreeing: number }
  | { status: 'no_quorum'; answered: number; largestAgreement: number };

/** The value at least `quorum` answers share (compared by `toCanonicalKey`), or no quorum. */
export function findQuorumValue<Value>({
  answers,
  quorum,
}: FindQuorumValueParameters<Value>): FindQuorumValueReturnType<Value> {
  const groups = new Map<string, { value: Value; count: number }>();
  let answered = 0;
  for (const answer of answers) {
    if (answer === undefined) continue;
    answered += 1;
    const key = toCanonicalKey(answer);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { value: answer, count: 1 });
    else group.count += 1;
  }
  const sorted = [...groups.values()].sort((left, right) => right.count - left.count);
  const [largest, runnerUp] = sorted;
  const largestAgreement = largest?.count ?? 0;
  // A tie at the top can only happen if `quorum` is not a strict majority: refuse, never pick.
  const isTied = runnerUp !== undefined && runnerUp.count === largestAgreement;
  if (largest === undefined || largestAgreement < quorum || isTied) {
    return { status: 'no_quorum', answered, largestAgreement };
  }
  return { status: 'agreed', value: largest.value, agreeing: largestAgreement };
}

/*
 * Trusted: a quorum. Not trusted: one endpoint's head alone. The quorum head is the highest
 * block number that at least `quorum` endpoints have reached: the quorum-th highest answer. Up
 * to quorum − 1 endpoints claiming a far-future head cannot raise it, and as many claiming an
 * old one cannot hold it back while a quorum of others has moved on.
 */

export type FindQuorumHeadParameters = {
  /** One block number per configured endpoint; `undefined` when it did not answer. */
  heads: readonly (bigint | undefined)[];
  quorum: number;
};

/** `undefined` when fewer than `quorum` endpoints answered. */
export type FindQuorumHeadReturnType = bigint | undefined;

export function findQuorumHead({
  heads,
  quorum,
}: FindQuorumHeadParameters): FindQuorumHeadReturnType {
  const answered = heads
    .filter((head) => head !== undefined)
    .sort((left, right) => (left > right ? -1 : left < right ? 1 : 0));
  return answered[quorum - 1];
}

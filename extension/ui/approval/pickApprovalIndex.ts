import type { ApprovalRequest } from '../../../shared/protocol/approvalMessages.ts';

export type PickApprovalIndexParameters = {
  readonly approvals: readonly ApprovalRequest[];
  /** The request on screen before the list changed, if any. */
  readonly shownId: string | undefined;
  /** Its position then. */
  readonly shownIndex: number;
};

/**
 * Which request to show after the queue changed: the same one if it is still waiting (so a new
 * arrival never swaps what the user is reading), else the one that took its place, else the last.
 */
export function pickApprovalIndex({
  approvals,
  shownId,
  shownIndex,
}: PickApprovalIndexParameters): number {
  if (approvals.length === 0) return 0;
  const sameIndex = approvals.findIndex((approval) => approval.id === shownId);
  if (sameIndex !== -1) return sameIndex;
  return Math.min(Math.max(0, shownIndex), approvals.length - 1);
}

import { describe, expect, it } from 'vitest';
import { approvalFixtures } from './approvalFixtures.ts';
import { pickApprovalIndex } from './pickApprovalIndex.ts';

const [first, second, third] = approvalFixtures(0);
if (first === undefined || second === undefined || third === undefined) throw new Error('fixtures');

describe('pickApprovalIndex', () => {
  it('keeps the request on screen when a new one arrives before it', () => {
    expect(
      pickApprovalIndex({ approvals: [third, first, second], shownId: first.id, shownIndex: 0 }),
    ).toBe(1);
  });

  it('shows the request that took the place of a settled one', () => {
    expect(
      pickApprovalIndex({ approvals: [first, third], shownId: second.id, shownIndex: 1 }),
    ).toBe(1);
  });

  it('falls back to the last request when the settled one was last', () => {
    expect(pickApprovalIndex({ approvals: [first], shownId: third.id, shownIndex: 2 })).toBe(0);
  });

  it('starts at the first request and stays at 0 for an empty queue', () => {
    expect(
      pickApprovalIndex({ approvals: [first, second], shownId: undefined, shownIndex: 0 }),
    ).toBe(0);
    expect(pickApprovalIndex({ approvals: [], shownId: first.id, shownIndex: 3 })).toBe(0);
  });
});

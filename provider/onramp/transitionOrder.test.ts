import { describe, expect, test } from 'vitest';
import { onrampOrderStatuses } from '../../shared/providerApi/OnrampOrder.ts';
import type { OnrampOrderStatus } from '../../shared/providerApi/OnrampOrder.ts';
import { InvalidOrderTransitionError } from './errors.ts';
import { transitionOrder } from './transitionOrder.ts';
import type { OrderEvent } from './transitionOrder.ts';

const events: Record<OrderEvent['type'], OrderEvent> = {
  start: { type: 'start' },
  complete: { type: 'complete', txHash: `0x${'ab'.repeat(32)}` },
  fail: { type: 'fail', code: 'card_declined', message: 'The card was declined.' },
  expire: { type: 'expire' },
};

const table: Record<OnrampOrderStatus, Record<OrderEvent['type'], OnrampOrderStatus | null>> = {
  created: { start: 'pending', complete: 'completed', fail: 'failed', expire: 'expired' },
  pending: { start: 'pending', complete: 'completed', fail: 'failed', expire: null },
  expired: { start: 'pending', complete: 'completed', fail: 'failed', expire: null },
  completed: { start: null, complete: null, fail: null, expire: null },
  failed: { start: null, complete: null, fail: null, expire: null },
};

describe('transitionOrder', () => {
  test('the table covers every state', () => {
    expect(Object.keys(table).sort()).toEqual([...onrampOrderStatuses].sort());
  });

  for (const state of onrampOrderStatuses) {
    for (const [type, event] of Object.entries(events)) {
      const expected = table[state][type as OrderEvent['type']];
      test(`${state} + ${type} → ${expected ?? 'refused'}`, () => {
        if (expected === null) {
          expect(() => transitionOrder(state, event)).toThrow(InvalidOrderTransitionError);
        } else {
          expect(transitionOrder(state, event)).toBe(expected);
        }
      });
    }
  }

  test('a refused transition names the state and the event', () => {
    try {
      transitionOrder('completed', events.fail);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidOrderTransitionError);
      expect((error as InvalidOrderTransitionError).details).toEqual({
        state: 'completed',
        event: 'fail',
      });
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sessionStatuses } from '../../shared/providerApi/CheckoutSession.ts';
import type { SessionStatus } from '../../shared/providerApi/CheckoutSession.ts';
import { InvalidSessionTransitionError } from './errors.ts';
import { transitionSession } from './transitionSession.ts';
import type { SessionEvent } from './transitionSession.ts';

const confirmed = (
  outcome: 'exact' | 'under' | 'over',
  isLate = false,
): SessionEvent & { type: 'payment_confirmed' } => ({ type: 'payment_confirmed', outcome, isLate });

const events: SessionEvent[] = [
  { type: 'expire' },
  { type: 'payment_seen' },
  { type: 'payment_dropped' },
  confirmed('exact'),
  confirmed('under'),
  confirmed('over'),
  confirmed('exact', true),
  confirmed('under', true),
  confirmed('over', true),
];

/** Once here, a session never goes back to waiting, pending or expired. */
const settledStates: readonly SessionStatus[] = ['settled', 'overpaid', 'paid_late'];

describe('transitionSession', () => {
  it.each([
    ['open', { type: 'expire' }, 'expired'],
    ['open', { type: 'payment_seen' }, 'pending'],
    ['open', confirmed('exact'), 'settled'],
    ['open', confirmed('exact', true), 'paid_late'],
    ['pending', { type: 'payment_seen' }, 'pending'],
    ['pending', confirmed('exact'), 'settled'],
    ['pending', confirmed('under'), 'underpaid'],
    ['pending', confirmed('over'), 'overpaid'],
    ['pending', confirmed('exact', true), 'paid_late'],
    ['pending', confirmed('over', true), 'paid_late'],
    ['pending', { type: 'payment_dropped' }, 'open'],
    ['underpaid', { type: 'payment_seen' }, 'underpaid'],
    ['underpaid', confirmed('exact'), 'settled'],
    ['underpaid', confirmed('under'), 'underpaid'],
    ['underpaid', confirmed('over'), 'overpaid'],
    ['underpaid', confirmed('exact', true), 'paid_late'],
    ['expired', { type: 'payment_seen' }, 'expired'],
    ['expired', confirmed('exact'), 'paid_late'],
    ['expired', confirmed('under'), 'paid_late'],
    ['settled', { type: 'payment_seen' }, 'settled'],
    ['settled', confirmed('over'), 'overpaid'],
    ['settled', confirmed('over', true), 'overpaid'],
    ['overpaid', confirmed('over'), 'overpaid'],
    ['paid_late', confirmed('over'), 'paid_late'],
  ] as const)('%s + %o → %s', (state, event, expected) => {
    expect(transitionSession(state, event)).toBe(expected);
  });

  it('does not expire a session whose payment is already seen', () => {
    expect(() => transitionSession('pending', { type: 'expire' })).toThrow(
      InvalidSessionTransitionError,
    );
  });

  it('does not expire an underpaid session: it waits for the top-up', () => {
    expect(() => transitionSession('underpaid', { type: 'expire' })).toThrow(
      InvalidSessionTransitionError,
    );
  });

  it('refuses to reopen an expired session when a seen payment disappears', () => {
    expect(() => transitionSession('expired', { type: 'payment_dropped' })).toThrow(
      'A checkout session in state expired cannot take the event payment_dropped.',
    );
  });

  it.each(settledStates)('%s never expires and never reopens', (state) => {
    expect(() => transitionSession(state, { type: 'expire' })).toThrow(
      InvalidSessionTransitionError,
    );
    expect(() => transitionSession(state, { type: 'payment_dropped' })).toThrow(
      InvalidSessionTransitionError,
    );
  });

  it('reaches every state from open', () => {
    const reached = new Set<SessionStatus>(['open']);
    for (let round = 0; round < sessionStatuses.length; round++) {
      for (const state of [...reached]) {
        for (const event of events) {
          try {
            reached.add(transitionSession(state, event));
          } catch {
            // not allowed from this state
          }
        }
      }
    }
    expect([...reached].sort()).toEqual([...sessionStatuses].sort());
  });

  it('always lands on a known state or throws the typed error (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...sessionStatuses),
        fc.array(fc.constantFrom(...events), { maxLength: 12 }),
        (start, sequence) => {
          let state: SessionStatus = start;
          for (const event of sequence) {
            try {
              state = transitionSession(state, event);
            } catch (error) {
              expect(error).toBeInstanceOf(InvalidSessionTransitionError);
            }
            expect(sessionStatuses).toContain(state);
          }
        },
      ),
    );
  });

  it('never goes back once paid or paid late, whatever follows (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...events), { maxLength: 20 }), (sequence) => {
        let state: SessionStatus = 'open';
        let hasSettled = false;
        for (const event of sequence) {
          try {
            state = transitionSession(state, event);
          } catch {
            // ignored: the state stays
          }
          if (hasSettled) expect(settledStates).toContain(state);
          if (settledStates.includes(state)) hasSettled = true;
        }
      }),
    );
  });

  it('never leaves paid_late or overpaid (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<SessionStatus>('paid_late', 'overpaid'),
        fc.array(fc.constantFrom(...events), { maxLength: 20 }),
        (start, sequence) => {
          let state = start;
          for (const event of sequence) {
            try {
              state = transitionSession(state, event);
            } catch {
              // ignored: the state stays
            }
            expect(state).toBe(start);
          }
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sessionStatuses } from '../../shared/providerApi/CheckoutSession.ts';
import type { SessionStatus } from '../../shared/providerApi/CheckoutSession.ts';
import { InvalidSessionTransitionError } from './errors.ts';
import { transitionSession } from './transitionSession.ts';
import type { SessionEvent } from './transitionSession.ts';

const events: SessionEvent[] = [
  { type: 'expire' },
  { type: 'payment_seen' },
  { type: 'payment_dropped' },
  { type: 'payment_confirmed', outcome: 'exact' },
  { type: 'payment_confirmed', outcome: 'under' },
  { type: 'payment_confirmed', outcome: 'over' },
];

describe('transitionSession', () => {
  it.each([
    ['open', { type: 'expire' }, 'expired'],
    ['open', { type: 'payment_seen' }, 'pending'],
    ['open', { type: 'payment_confirmed', outcome: 'exact' }, 'settled'],
    ['pending', { type: 'payment_confirmed', outcome: 'exact' }, 'settled'],
    ['pending', { type: 'payment_confirmed', outcome: 'under' }, 'underpaid'],
    ['pending', { type: 'payment_confirmed', outcome: 'over' }, 'overpaid'],
    ['pending', { type: 'payment_dropped' }, 'open'],
    ['underpaid', { type: 'payment_confirmed', outcome: 'exact' }, 'settled'],
    ['underpaid', { type: 'payment_confirmed', outcome: 'under' }, 'underpaid'],
    ['expired', { type: 'payment_confirmed', outcome: 'exact' }, 'paid_late'],
    ['expired', { type: 'payment_confirmed', outcome: 'under' }, 'paid_late'],
  ] as const)('%s + %o → %s', (state, event, expected) => {
    expect(transitionSession(state, event)).toBe(expected);
  });

  it('does not expire a session whose payment is already seen', () => {
    expect(() => transitionSession('pending', { type: 'expire' })).toThrow(
      InvalidSessionTransitionError,
    );
  });

  it('refuses to reopen an expired session when a seen payment disappears', () => {
    expect(() => transitionSession('expired', { type: 'payment_dropped' })).toThrow(
      'A checkout session in state expired cannot take the event payment_dropped.',
    );
  });

  it.each(['settled', 'overpaid', 'paid_late'] as const)(
    '%s is final: no event applies',
    (state) => {
      for (const event of events) {
        expect(() => transitionSession(state, event)).toThrow(InvalidSessionTransitionError);
      }
    },
  );

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

  it('never leaves a final state once there, whatever follows (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...events), { maxLength: 20 }), (sequence) => {
        let state: SessionStatus = 'open';
        let final: SessionStatus | undefined;
        for (const event of sequence) {
          try {
            state = transitionSession(state, event);
          } catch {
            // ignored: the state stays
          }
          if (final !== undefined) expect(state).toBe(final);
          if (state === 'settled' || state === 'overpaid' || state === 'paid_late') final = state;
        }
      }),
    );
  });
});

import type { ObservedTransfer } from './ChainObservations.ts';

/**
 * What a quorum of endpoints says about one transaction hash (`inspectTransaction`), for the
 * route where a widget reports the transaction it sent:
 * - `transfer`: a successful payment carrying a reference, in a block the quorum agrees on;
 *   `confirmations` = quorum head − block number + 1.
 * - `not_found`: the quorum knows no such mined transaction (unknown, or still pending).
 * - `failed`: it looks like a payment but reverted (or its status is not an explicit success).
 * - `not_a_payment`: no 16-byte reference after the call (`no_reference`), or not an ERC-20
 *   `transfer` / native transfer, or no matching Transfer log (`not_a_transfer`).
 * - `no_quorum`: the endpoints disagree or too few answered; ask again later.
 */
export type InspectedTransaction =
  | { status: 'transfer'; transfer: ObservedTransfer; confirmations: number }
  | { status: 'not_found' }
  | { status: 'failed' }
  | { status: 'not_a_payment'; reason: 'no_reference' | 'not_a_transfer' }
  | { status: 'no_quorum' };

import { findChainAsset } from '../../../shared/chains/findChainAsset.ts';
import type { OnrampFeeSchedule } from '../OnrampAdapter.ts';
import type { SandboxFunder } from './createSandboxFunder.ts';
import type { SandboxAdapter, SandboxState } from './SandboxAdapter.ts';

export type CreateSandboxAdapterParameters = {
  funder: SandboxFunder;
  /** Default: 1.5 % and 65,000 gas at 2 gwei on the funder's chain. */
  fees?: OnrampFeeSchedule;
};
export type CreateSandboxAdapterReturnType = SandboxAdapter;

/**
 * The dev stack's on-ramp: a card page served by the provider (`/onramp/sandbox/{orderId}`) that
 * takes only test cards, then really sends the tokens on the dev chain. Sells every known asset
 * of the funder's chain, for any currency the rates price. Its page may be framed.
 */
export function createSandboxAdapter({
  funder,
  fees = {
    adapterFeeBasisPoints: 150,
    networkFeeWei: { [String(funder.chainId)]: 65_000n * 2_000_000_000n },
  },
}: CreateSandboxAdapterParameters): CreateSandboxAdapterReturnType {
  return {
    kind: 'sandbox',
    id: 'sandbox',
    name: 'Sandbox (test cards)',
    embedding: ['popup', 'iframe'],
    fees,
    funder,
    supports: ({ chainId, symbol }) =>
      chainId === funder.chainId && findChainAsset({ chainId, symbol }) !== undefined,
    createOrder({ order, providerUrl }) {
      const state: SandboxState = { step: 'card', attempts: 0 };
      return Promise.resolve({
        hostedUrl: `${providerUrl.replace(/\/+$/, '')}/onramp/sandbox/${order.id}`,
        adapterOrderId: null,
        state,
      });
    },
  };
}

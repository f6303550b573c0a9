import type { OnrampAdapter } from './OnrampAdapter.ts';
import type { OnrampAdapterInfo } from './toOnrampPriceFields.ts';

export type DescribeOnrampAdapterReturnType = (adapterId: string) => OnrampAdapterInfo;

/**
 * Name and embedding of an adapter by id, for responses and webhooks. An order whose adapter has
 * since left the configuration is still shown: under its id, as a popup.
 */
export function describeOnrampAdapter(
  adapters: readonly OnrampAdapter[],
): DescribeOnrampAdapterReturnType {
  return (adapterId) => {
    const adapter = adapters.find(({ id }) => id === adapterId);
    return adapter === undefined
      ? { name: adapterId, embedding: ['popup'] }
      : { name: adapter.name, embedding: adapter.embedding };
  };
}

import type { StorageArea } from '../wallet/StorageArea.ts';
import type { SubscriptionLink } from './SubscriptionLink.ts';

export type SubscriptionStore = {
  list(): Promise<readonly SubscriptionLink[]>;
  get(grantId: string): Promise<SubscriptionLink | undefined>;
  /** Replaces the link with the same grant id, or adds it. */
  put(link: SubscriptionLink): Promise<void>;
  /** Runs `change` on the stored link and writes the result, one change at a time. */
  update(
    grantId: string,
    change: (link: SubscriptionLink) => SubscriptionLink,
  ): Promise<SubscriptionLink | undefined>;
};

export type OpenSubscriptionStoreParameters = { local: StorageArea };
export type OpenSubscriptionStoreReturnType = SubscriptionStore;

/** `storage.local.subscriptionLinks`: the links by grant id (a few dozen at most). */
export const subscriptionStoreKey = 'subscriptionLinks';

/**
 * The wallet's subscriptions in `storage.local`. Writes are serialised in this worker, so a
 * read-change-write never loses another's change (the scheduler and the Subscriptions page both
 * write). Payments must survive a restart, so it is `local`, not `session`.
 */
export function openSubscriptionStore({
  local,
}: OpenSubscriptionStoreParameters): OpenSubscriptionStoreReturnType {
  let queue: Promise<unknown> = Promise.resolve();
  const serialise = <Result>(work: () => Promise<Result>): Promise<Result> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const readAll = async (): Promise<Record<string, SubscriptionLink>> => {
    const stored = (await local.get([subscriptionStoreKey]))[subscriptionStoreKey];
    return typeof stored === 'object' && stored !== null
      ? (stored as Record<string, SubscriptionLink>)
      : {};
  };
  return {
    list: async () => Object.values(await readAll()),
    get: async (grantId) => (await readAll())[grantId],
    put: (link) =>
      serialise(async () => {
        const all = await readAll();
        await local.set({ [subscriptionStoreKey]: { ...all, [link.grantId]: link } });
      }),
    update: (grantId, change) =>
      serialise(async () => {
        const all = await readAll();
        const current = all[grantId];
        if (current === undefined) return undefined;
        const changed = change(current);
        await local.set({ [subscriptionStoreKey]: { ...all, [grantId]: changed } });
        return changed;
      }),
  };
}

import type { StorageArea } from '../wallet/StorageArea.ts';

/** What changed in the area, as `storage.onChanged` reports it (the keys are what matters). */
export type StorageChanges = Readonly<Record<string, unknown>>;

export type CreateCachedStorageAreaParameters = {
  readonly area: StorageArea;
  /** Registers for changes made by anyone (another extension page, devtools): `storage.onChanged`. */
  readonly subscribe: (listener: (changes: StorageChanges) => void) => void;
};
export type CreateCachedStorageAreaReturnType = StorageArea;

/**
 * `area` with a read cache in front: each key is read from storage once and then served from
 * memory until it changes. A site paying many times a second otherwise reads its connection and
 * the wallet's networks from `storage.local` (a round trip to the browser process) several
 * times per payment. Writes through this area update the cache at once; a change from anywhere
 * else (`subscribe`) drops the key, so the next read goes to storage again. A read that was
 * already on its way when a key changed does not fill the cache with the old value.
 *
 * Callers must treat what `get` returns as read-only (it is shared between reads).
 */
export function createCachedStorageArea({
  area,
  subscribe,
}: CreateCachedStorageAreaParameters): CreateCachedStorageAreaReturnType {
  /** Key → value (undefined: known to be absent). */
  const cache = new Map<string, unknown>();
  /** Key → how many times it changed; a read fills the cache only if nothing changed meanwhile. */
  const versions = new Map<string, number>();
  const bump = (key: string): void => {
    versions.set(key, (versions.get(key) ?? 0) + 1);
  };
  subscribe((changes) => {
    for (const key of Object.keys(changes)) {
      bump(key);
      cache.delete(key);
    }
  });

  return {
    async get(keys) {
      const missing = keys.filter((key) => !cache.has(key));
      if (missing.length > 0) {
        const seen = new Map(missing.map((key) => [key, versions.get(key) ?? 0]));
        const stored = await area.get(missing);
        for (const key of missing)
          if ((versions.get(key) ?? 0) === seen.get(key)) cache.set(key, stored[key]);
        return Object.fromEntries(
          keys.flatMap((key) => {
            const value = cache.has(key) ? cache.get(key) : stored[key];
            return value === undefined ? [] : [[key, value]];
          }),
        );
      }
      return Object.fromEntries(
        keys.flatMap((key) => {
          const value = cache.get(key);
          return value === undefined ? [] : [[key, value]];
        }),
      );
    },
    async set(items) {
      const keys = Object.keys(items);
      for (const key of keys) {
        bump(key);
        // A copy, as storage would keep: the caller may go on changing its object.
        cache.set(key, structuredClone(items[key]));
      }
      try {
        await area.set(items);
      } catch (error) {
        for (const key of keys) {
          bump(key);
          cache.delete(key);
        }
        throw error;
      }
    },
    async remove(keys) {
      for (const key of keys) {
        bump(key);
        cache.set(key, undefined);
      }
      try {
        await area.remove(keys);
      } catch (error) {
        for (const key of keys) {
          bump(key);
          cache.delete(key);
        }
        throw error;
      }
    },
  };
}

/**
 * The slice of `browser.storage.local` / `.session` the wallet uses, so the controller can be
 * tested in Node with an in-memory area. `local` reaches disk; `session` stays in memory and is
 * gone when the browser quits (and is closed to content scripts by default).
 */
export type StorageArea = {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
};

/** An in-memory StorageArea that copies values like the browser does (structured clone). */
export function createMemoryStorageArea(): StorageArea & { readonly items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    get: (keys) =>
      Promise.resolve(
        Object.fromEntries(
          keys.filter((key) => items.has(key)).map((key) => [key, structuredClone(items.get(key))]),
        ),
      ),
    set: (values) => {
      for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
      return Promise.resolve();
    },
    remove: (keys) => {
      for (const key of keys) items.delete(key);
      return Promise.resolve();
    },
  };
}

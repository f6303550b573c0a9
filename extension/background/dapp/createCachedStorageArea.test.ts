import { describe, expect, it } from 'vitest';
import { createMemoryStorageArea } from '../wallet/StorageArea.ts';
import type { StorageArea } from '../wallet/StorageArea.ts';
import { createCachedStorageArea } from './createCachedStorageArea.ts';
import type { StorageChanges } from './createCachedStorageArea.ts';

function setup() {
  const memory = createMemoryStorageArea();
  const reads: string[][] = [];
  let listener: (changes: StorageChanges) => void = () => undefined;
  const counted: StorageArea = {
    get: (keys) => {
      reads.push(keys);
      return memory.get(keys);
    },
    set: (items) => memory.set(items),
    remove: (keys) => memory.remove(keys),
  };
  const cached = createCachedStorageArea({
    area: counted,
    subscribe: (registered) => {
      listener = registered;
    },
  });
  return {
    memory,
    reads,
    cached,
    changed: (changes: StorageChanges) => {
      listener(changes);
    },
  };
}

describe('createCachedStorageArea', () => {
  it('reads each key from storage once, absent keys included', async () => {
    const { memory, reads, cached } = setup();
    await memory.set({ a: 1 });
    expect(await cached.get(['a', 'b'])).toEqual({ a: 1 });
    expect(await cached.get(['a', 'b'])).toEqual({ a: 1 });
    expect(await cached.get(['b'])).toEqual({});
    expect(reads).toEqual([['a', 'b']]);
  });

  it('serves its own writes and removals at once, as copies', async () => {
    const { memory, reads, cached } = setup();
    const value = { list: [1] };
    await cached.set({ a: value });
    value.list.push(2);
    expect(await cached.get(['a'])).toEqual({ a: { list: [1] } });
    expect(memory.items.get('a')).toEqual({ list: [1] });
    await cached.remove(['a']);
    expect(await cached.get(['a'])).toEqual({});
    expect(memory.items.has('a')).toBe(false);
    expect(reads).toEqual([]);
  });

  it('reads a key again after someone else changed it', async () => {
    const { memory, reads, cached, changed } = setup();
    await memory.set({ a: 1 });
    await cached.get(['a']);
    await memory.set({ a: 2 });
    changed({ a: { newValue: 2 } });
    expect(await cached.get(['a'])).toEqual({ a: 2 });
    expect(reads).toHaveLength(2);
  });

  it('does not keep a value read while the key changed', async () => {
    const memory = createMemoryStorageArea();
    await memory.set({ a: 'old' });
    let release: () => void = () => undefined;
    const slow: StorageArea = {
      ...memory,
      get: async (keys) => {
        const value = await memory.get(keys);
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return value;
      },
    };
    let listener: (changes: StorageChanges) => void = () => undefined;
    const cached = createCachedStorageArea({
      area: slow,
      subscribe: (registered) => {
        listener = registered;
      },
    });
    const reading = cached.get(['a']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await memory.set({ a: 'new' });
    listener({ a: { newValue: 'new' } });
    release();
    expect(await reading).toEqual({ a: 'old' });
    const next = cached.get(['a']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    expect(await next).toEqual({ a: 'new' });
  });

  it('forgets a write that storage refused', async () => {
    const memory = createMemoryStorageArea();
    await memory.set({ a: 1 });
    const cached = createCachedStorageArea({
      area: { ...memory, set: () => Promise.reject(new Error('quota')) },
      subscribe: () => undefined,
    });
    await expect(cached.set({ a: 2 })).rejects.toThrow('quota');
    expect(await cached.get(['a'])).toEqual({ a: 1 });
  });
});

/**
 * One sender's transactions leave in nonce order, without waiting for each other's answers. A
 * transaction is sent as soon as the one with the nonce below (if this worker handed it out and
 * it is still on its way) has been sent, not answered: a node with a mempool takes a nonce that
 * arrives a little early and holds it until the gap is filled, so a burst of payments costs one
 * round trip, not one per payment. A node that refuses a nonce ahead of its count (Hardhat's
 * automine: "Nonce too high … transactions can't be queued when automining") gets it again once
 * the one below has been answered; that is the only retry, and only for that refusal.
 *
 * Trusted: the caller, which reserves each nonce once (createNonceManager) and enters its slot
 * before signing, so the order of the slots is the order of the nonces.
 */

export type BroadcastSlot = {
  /**
   * Runs `send` once the slot below has started sending; again, once, after the slot below has
   * finished, if `send` failed with an error `isTooEarly` recognises.
   */
  broadcast<Result>(send: () => Promise<Result>): Promise<Result>;
  /** Leaves the slot without sending (signing failed): the slot above goes ahead. */
  cancel(): void;
};

export type BroadcastOrder = {
  /** The slot of `nonce` for one sender on one chain (`key`), entered before signing. */
  enter(key: string, nonce: number): BroadcastSlot;
};

export type CreateBroadcastOrderParameters = {
  /** The node's refusal of a nonce ahead of what it has seen from the sender. */
  isTooEarly: (error: unknown) => boolean;
};

export type CreateBroadcastOrderReturnType = BroadcastOrder;

type Gate = { readonly promise: Promise<void>; open: () => void };
type Slot = { readonly started: Gate; readonly finished: Gate };

function createGate(): Gate {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

export function createBroadcastOrder({
  isTooEarly,
}: CreateBroadcastOrderParameters): CreateBroadcastOrderReturnType {
  const slotsBySender = new Map<string, Map<number, Slot>>();

  return {
    enter(key, nonce) {
      let slots = slotsBySender.get(key);
      if (slots === undefined) {
        slots = new Map();
        slotsBySender.set(key, slots);
      }
      const below = slots.get(nonce - 1);
      const slot: Slot = { started: createGate(), finished: createGate() };
      slots.set(nonce, slot);
      const senderSlots = slots;
      const leave = (): void => {
        slot.started.open();
        slot.finished.open();
        if (senderSlots.get(nonce) === slot) senderSlots.delete(nonce);
        if (senderSlots.size === 0 && slotsBySender.get(key) === senderSlots) {
          slotsBySender.delete(key);
        }
      };
      return {
        async broadcast(send) {
          try {
            await below?.started.promise;
            slot.started.open();
            try {
              return await send();
            } catch (error) {
              if (below === undefined || !isTooEarly(error)) throw error;
              await below.finished.promise;
              return await send();
            }
          } finally {
            leave();
          }
        },
        cancel: leave,
      };
    },
  };
}

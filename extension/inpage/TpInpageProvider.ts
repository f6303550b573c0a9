import { ProviderRpcError } from '../../shared/errors/ProviderRpcError.ts';
import { parsePageMessage } from '../../shared/protocol/parsePageMessage.ts';
import { parseRpcRequest } from '../../shared/protocol/parseRpcRequest.ts';
import { pageChannel } from '../../shared/protocol/walletMessages.ts';
import type { PageRequestMessage, WorkerReply } from '../../shared/protocol/walletMessages.ts';
import { ProviderError } from './ProviderError.ts';

type Listener = (...args: unknown[]) => void;

/**
 * The EIP-1193 provider a page sees. It holds no secrets and makes no decisions: every request
 * goes through the content bridge to the service worker, which knows the page's true origin.
 */
export class TpInpageProvider {
  readonly isTpWallet = true;
  readonly #pending = new Map<string, (reply: WorkerReply) => void>();
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #idPrefix = crypto.randomUUID();
  #nextId = 0;
  /** Called when the user made TP Wallet the default wallet (set by the inpage entry). */
  onBecomeDefault: (() => void) | undefined;

  constructor(private readonly target: Window) {
    target.addEventListener('message', (event) => {
      if (event.source !== target) return;
      const message = parsePageMessage(event.data);
      if (message?.kind === 'config') {
        if (message.isDefaultWallet) this.onBecomeDefault?.();
        return;
      }
      if (message?.kind === 'event') {
        this.emit(message.event, message.data);
        return;
      }
      if (message?.kind !== 'response') return;
      const settle = this.#pending.get(message.id);
      if (settle === undefined) return;
      this.#pending.delete(message.id);
      settle(message.reply);
    });
  }

  /** EIP-1193 `connect`: fired once the wallet first answers, with the chain id. */
  announceConnection(): void {
    this.request({ method: 'eth_chainId' }).then(
      (chainId) => {
        this.emit('connect', { chainId });
      },
      () => undefined,
    );
  }

  async request(args: unknown): Promise<unknown> {
    let request;
    try {
      request = parseRpcRequest(args);
    } catch (error) {
      throw error instanceof ProviderRpcError ? new ProviderError(error.toPayload()) : error;
    }
    const id = `${this.#idPrefix}:${this.#nextId++}`;
    const reply = await new Promise<WorkerReply>((resolve) => {
      this.#pending.set(id, resolve);
      const message: PageRequestMessage = { channel: pageChannel, kind: 'request', id, request };
      this.target.postMessage(
        message,
        this.target.location.origin === 'null' ? '*' : this.target.location.origin,
      );
    });
    if (reply.ok) return reply.result;
    throw new ProviderError(reply.error);
  }

  on(event: string, listener: Listener): this {
    let listeners = this.#listeners.get(event);
    if (listeners === undefined) {
      listeners = new Set();
      this.#listeners.set(event, listeners);
    }
    listeners.add(listener);
    return this;
  }

  removeListener(event: string, listener: Listener): this {
    this.#listeners.get(event)?.delete(listener);
    return this;
  }

  protected emit(event: string, ...args: unknown[]): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      try {
        listener(...args);
      } catch (error) {
        // One page listener's failure must not stop the others (or the provider).
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

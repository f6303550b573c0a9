import type { RpcErrorPayload } from '../errors/ProviderRpcError.ts';

/**
 * Messages between the page (inpage provider), the content bridge and the service worker.
 * Everything that arrives from a page is untrusted: parse it with the guards in this folder.
 * The requesting origin is never part of a message; the service worker takes it from the browser.
 */

/** Tag on window.postMessage traffic, so the bridge ignores the page's other messages. */
export const pageChannel = 'tp-wallet/v1';

export type RpcRequest = {
  readonly method: string;
  readonly params?: readonly unknown[] | Readonly<Record<string, unknown>>;
};

export type PageRequestMessage = {
  readonly channel: typeof pageChannel;
  readonly kind: 'request';
  readonly id: string;
  readonly request: RpcRequest;
};

export type PageResponseMessage = {
  readonly channel: typeof pageChannel;
  readonly kind: 'response';
  readonly id: string;
  readonly reply: WorkerReply;
};

/** EIP-1193 events the wallet pushes to pages. */
export const providerEvents = [
  'connect',
  'disconnect',
  'accountsChanged',
  'chainChanged',
  'message',
] as const;
export type ProviderEvent = (typeof providerEvents)[number];

export type PageEventMessage = {
  readonly channel: typeof pageChannel;
  readonly kind: 'event';
  readonly event: ProviderEvent;
  readonly data: unknown;
};

/** The bridge tells the inpage provider the user's choices it needs (read from storage.local). */
export type PageConfigMessage = {
  readonly channel: typeof pageChannel;
  readonly kind: 'config';
  readonly isDefaultWallet: boolean;
};

export type PageMessage =
  PageRequestMessage | PageResponseMessage | PageEventMessage | PageConfigMessage;

/**
 * What the service worker sends content scripts. With `origin`, only frames of that exact origin
 * pass it on (accounts are per site); without, every frame does (chain changes).
 */
export type WorkerEventMessage = {
  readonly kind: 'event';
  readonly event: ProviderEvent;
  readonly data: unknown;
  readonly origin?: string;
};

/** What the bridge sends the service worker for one page request. */
export type BridgeRpcMessage = { readonly kind: 'rpc'; readonly request: RpcRequest };

export type WorkerReply =
  | { readonly ok: true; readonly result: unknown }
  | { readonly ok: false; readonly error: RpcErrorPayload };

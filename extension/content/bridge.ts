import browser from 'webextension-polyfill';
import { providerErrorCodes } from '../../shared/errors/ProviderRpcError.ts';
import { parsePageMessage } from '../../shared/protocol/parsePageMessage.ts';
import { pageChannel, providerEvents } from '../../shared/protocol/walletMessages.ts';
import { defaultWalletStorageKey } from '../../shared/protocol/walletUiMessages.ts';
import type {
  BridgeRpcMessage,
  PageConfigMessage,
  PageEventMessage,
  PageResponseMessage,
  ProviderEvent,
  WorkerEventMessage,
  WorkerReply,
} from '../../shared/protocol/walletMessages.ts';

// ISOLATED world. Passes this frame's wallet requests to the service worker and the replies and
// events back. It adds no origin: the service worker reads the frame's origin from the browser.
const frameOrigin = window.location.origin;
const replyTarget = frameOrigin === 'null' ? '*' : frameOrigin;

window.addEventListener('message', (event) => {
  if (event.source !== window) return;
  const message = parsePageMessage(event.data);
  if (message?.kind !== 'request') return;
  const rpc: BridgeRpcMessage = { kind: 'rpc', request: message.request };
  void browser.runtime
    .sendMessage(rpc)
    .then(
      (reply) => reply as WorkerReply,
      (): WorkerReply => ({
        ok: false,
        error: { code: providerErrorCodes.disconnected, message: 'The wallet is not reachable.' },
      }),
    )
    .then((reply) => {
      const response: PageResponseMessage = {
        channel: pageChannel,
        kind: 'response',
        id: message.id,
        reply,
      };
      window.postMessage(response, replyTarget);
    });
});

// Events from the worker: per-site ones only reach frames of that exact origin.
browser.runtime.onMessage.addListener((message: unknown) => {
  const { kind, event, data, origin } = (message ?? {}) as Partial<WorkerEventMessage>;
  if (kind !== 'event' || !(providerEvents as readonly string[]).includes(String(event))) return;
  if (origin !== undefined && origin !== frameOrigin) return;
  const pageEvent: PageEventMessage = {
    channel: pageChannel,
    kind: 'event',
    event: event as ProviderEvent,
    data,
  };
  window.postMessage(pageEvent, replyTarget);
});

// The user's "make TP Wallet the default" choice: the inpage script then takes window.ethereum
// even if another wallet set it first.
void browser.storage.local.get(defaultWalletStorageKey).then((stored) => {
  if (stored[defaultWalletStorageKey] !== true) return;
  const config: PageConfigMessage = { channel: pageChannel, kind: 'config', isDefaultWallet: true };
  window.postMessage(config, replyTarget);
});

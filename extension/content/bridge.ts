import browser from 'webextension-polyfill';
import { providerErrorCodes } from '../../shared/errors/ProviderRpcError.ts';
import { parsePageMessage } from '../../shared/protocol/parsePageMessage.ts';
import { pageChannel } from '../../shared/protocol/walletMessages.ts';
import type {
  BridgeRpcMessage,
  PageResponseMessage,
  WorkerReply,
} from '../../shared/protocol/walletMessages.ts';

// ISOLATED world. Passes this frame's wallet requests to the service worker and the replies
// back. It adds no origin: the service worker reads the frame's origin from the browser.
const replyTarget = window.location.origin === 'null' ? '*' : window.location.origin;

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

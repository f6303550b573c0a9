import { parseRpcRequest } from './parseRpcRequest.ts';
import { pageChannel, providerEvents } from './walletMessages.ts';
import type { PageMessage, ProviderEvent, WorkerReply } from './walletMessages.ts';

const maxIdLength = 64;

/** Returns the message if it is ours and well formed, else undefined (the page's own traffic). */
export function parsePageMessage(value: unknown): PageMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  if (message.channel !== pageChannel) return undefined;
  if (message.kind === 'config') {
    return typeof message.isDefaultWallet === 'boolean'
      ? { channel: pageChannel, kind: 'config', isDefaultWallet: message.isDefaultWallet }
      : undefined;
  }
  if (message.kind === 'event') {
    const { event } = message;
    return typeof event === 'string' && (providerEvents as readonly string[]).includes(event)
      ? { channel: pageChannel, kind: 'event', event: event as ProviderEvent, data: message.data }
      : undefined;
  }
  const { id } = message;
  if (typeof id !== 'string' || id.length === 0 || id.length > maxIdLength) return undefined;
  if (message.kind === 'request') {
    try {
      return {
        channel: pageChannel,
        kind: 'request',
        id,
        request: parseRpcRequest(message.request),
      };
    } catch {
      return undefined;
    }
  }
  if (message.kind === 'response' && isWorkerReply(message.reply)) {
    return { channel: pageChannel, kind: 'response', id, reply: message.reply };
  }
  return undefined;
}

function isWorkerReply(value: unknown): value is WorkerReply {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as Record<string, unknown>;
  if (reply.ok === true) return 'result' in reply;
  if (reply.ok !== false || typeof reply.error !== 'object' || reply.error === null) return false;
  const error = reply.error as Record<string, unknown>;
  return typeof error.code === 'number' && typeof error.message === 'string';
}

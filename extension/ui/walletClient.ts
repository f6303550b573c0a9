import browser from 'webextension-polyfill';
import { TpError } from '../../shared/errors/TpError.ts';
import type {
  WalletUiAction,
  WalletUiActions,
  WalletUiError,
  WalletUiRequest,
} from '../../shared/protocol/walletUiMessages.ts';

/**
 * An action the service worker refused or could not answer. `code` is the worker's TpError code
 * (`vault/wrong-password-or-tampered`), `details` its details; `ui/no-answer` and
 * `ui/invalid-reply` mean the worker did not answer in the agreed shape.
 */
export class WalletRequestError extends TpError {
  override name = 'WalletRequestError';
  readonly action: WalletUiAction;

  constructor({
    action,
    code,
    message,
    details,
    cause,
  }: WalletUiError & { action: WalletUiAction; cause?: unknown }) {
    super({ code, shortMessage: message, details: details ?? {}, cause });
    this.action = action;
  }
}

export type SendWalletRequestErrorType = WalletRequestError;

/**
 * Sends one action to the service worker and returns its result; a refusal becomes a
 * WalletRequestError carrying the worker's code, message and details.
 */
export async function sendWalletRequest<A extends WalletUiAction>(
  action: A,
  params: WalletUiActions[A]['params'],
): Promise<WalletUiActions[A]['result']> {
  const request = { kind: 'ui', action, params } as WalletUiRequest;
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(request);
  } catch (cause) {
    throw new WalletRequestError({
      action,
      code: 'ui/no-answer',
      message: 'The wallet did not answer.',
      cause,
    });
  }
  if (isRecord(reply) && reply.ok === true && 'result' in reply) {
    // The worker answers this action with this action's result (the shared contract).
    return reply.result as WalletUiActions[A]['result'];
  }
  if (isRecord(reply) && reply.ok === false && isRecord(reply.error)) {
    const { code, message, details } = reply.error;
    if (typeof code === 'string' && typeof message === 'string') {
      throw new WalletRequestError({
        action,
        code,
        message,
        details: isRecord(details) ? details : {},
      });
    }
  }
  throw new WalletRequestError({
    action,
    code: reply === undefined ? 'ui/no-answer' : 'ui/invalid-reply',
    message:
      reply === undefined
        ? 'The wallet did not answer.'
        : 'The wallet answered in an unknown shape.',
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

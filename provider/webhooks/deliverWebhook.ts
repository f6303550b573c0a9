import { signWebhookPayload } from '../../shared/webhooks/signWebhookPayload.ts';
import type { WebhookEvent } from '../../shared/webhooks/WebhookEvent.ts';

export type WebhookFetch = (
  url: string,
  init: {
    method: 'POST';
    headers: Record<string, string>;
    body: string;
    redirect: 'manual';
    signal: AbortSignal;
  },
) => Promise<{ status: number; body?: { cancel(): Promise<void> } | null }>;

export type DeliverWebhookParameters = {
  fetch: WebhookFetch;
  url: string;
  secret: string;
  event: WebhookEvent;
  /** When the request is signed (the `t` of `TP-Signature`). */
  signedAt: Date;
  timeoutMs: number;
  /** Aborts the request when the dispatcher stops. */
  signal?: AbortSignal | undefined;
};

export type DeliverWebhookReturnType =
  | { isDelivered: true; statusCode: number }
  | { isDelivered: false; statusCode: number | null; error: string };

export const webhookUserAgent = 'TP-Pay-Webhooks/1';

const maxErrorLength = 500;

/**
 * One attempt: POSTs the event as JSON with `TP-Signature`. Any 2xx is delivered; anything else
 * (redirects included: they are not followed, so a URL cannot bounce the provider elsewhere),
 * a network error or the timeout is a failure to retry. Never throws for the endpoint's faults.
 */
export async function deliverWebhook({
  fetch,
  url,
  secret,
  event,
  signedAt,
  timeoutMs,
  signal,
}: DeliverWebhookParameters): Promise<DeliverWebhookReturnType> {
  // The same JSON as `GET /v1/events/{id}`.
  const body = JSON.stringify(event);
  const timestamp = Math.floor(signedAt.getTime() / 1000);
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': webhookUserAgent,
        'tp-signature': signWebhookPayload({ payload: body, secret, timestamp }),
      },
      body,
      redirect: 'manual',
      signal: signal === undefined ? timeout : AbortSignal.any([timeout, signal]),
    });
    // The answer's body is not read: only the status counts, and reading could take forever.
    await response.body?.cancel().catch(() => {});
    if (response.status >= 200 && response.status < 300) {
      return { isDelivered: true, statusCode: response.status };
    }
    return { isDelivered: false, statusCode: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    const reason = timeout.aborted
      ? `no answer within ${timeoutMs} ms`
      : error instanceof Error
        ? describeNetworkError(error)
        : String(error);
    return { isDelivered: false, statusCode: null, error: reason.slice(0, maxErrorLength) };
  }
}

/** fetch's own message is a bare "fetch failed"; the reason (ECONNREFUSED…) is in `cause`. */
function describeNetworkError(error: Error): string {
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string'
      ? `${error.message}: ${code}`
      : `${error.message}: ${cause.message}`;
  }
  return error.message;
}

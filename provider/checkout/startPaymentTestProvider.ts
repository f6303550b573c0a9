// Test support: a provider in this process that detects payments on real dev chains (a quorum
// reader and a watcher per chain, applying through applyChainObservations), with a merchant
// whose webhook endpoint is a real local HTTP server. Every delivery it receives is checked with
// the merchant's own verifyWebhookSignature before a test sees it.
import { createPublicClient, http } from 'viem';
import type { CheckoutSession } from '../../shared/providerApi/CheckoutSession.ts';
import { verifyWebhookSignature } from '../../shared/webhooks/verifyWebhookSignature.ts';
import type { WebhookEvent } from '../../shared/webhooks/WebhookEvent.ts';
import type { Database } from '../db/Database.ts';
import { startTestProvider } from '../testing/startTestProvider.ts';
import type { StartTestProviderReturnType } from '../testing/startTestProvider.ts';
import { startWebhookReceiver } from '../webhooks/startWebhookReceiver.ts';
import type { WebhookReceiver } from '../webhooks/startWebhookReceiver.ts';
import type { OnSessionPaid } from './applyChainObservations.ts';
import { createPaymentDetection } from './createPaymentDetection.ts';
import type { PaymentDetection, WatchedChainSettings } from './createPaymentDetection.ts';

export type StartPaymentTestProviderParameters = {
  db: Database;
  chains: readonly WatchedChainSettings[];
  /** The clock starts at this chain's latest block time, so quotes and blocks agree on "now". */
  clockRpcUrl: string;
  reportPaymentWaitMs?: number;
  /** The watchers' poll interval (default 50 ms); long, only pokes make them step. */
  pollIntervalMs?: number;
  /** As `serve` passes subscriptions' `onCheckoutSessionSettled`; default none. */
  onSessionPaid?: OnSessionPaid;
};

export type SessionEvent = WebhookEvent & { data: CheckoutSession };

export type PaymentTestProvider = {
  provider: StartTestProviderReturnType;
  detection: PaymentDetection;
  receiver: WebhookReceiver;
  /** Every delivery so far that passed verifyWebhookSignature on arrival, in arrival order. */
  receivedEvents(): SessionEvent[];
  /** Deliveries that failed verification on arrival (answered 400): none, in a passing test. */
  rejectedDeliveries: unknown[];
  /** Waits until a verified delivery of `type` about the session arrives; returns it. */
  waitForEvent(sessionId: string, type: string, timeoutMs?: number): Promise<SessionEvent>;
  /** The event types received about the session, in arrival order, one per event id. */
  eventTypesOf(sessionId: string): string[];
  close(): Promise<void>;
};

export async function startPaymentTestProvider({
  db,
  chains,
  clockRpcUrl,
  reportPaymentWaitMs,
  pollIntervalMs = 50,
  onSessionPaid,
}: StartPaymentTestProviderParameters): Promise<PaymentTestProvider> {
  const client = createPublicClient({ transport: http(clockRpcUrl), cacheTime: 0 });
  const latest = await client.getBlock();
  // The watchers read the provider's clock, and the provider needs the watchers' chains.
  const built: { provider?: StartTestProviderReturnType } = {};
  const detection = createPaymentDetection({
    db,
    chains,
    now: () => built.provider?.clock.now() ?? new Date(0),
    pollIntervalMs,
    onSessionPaid,
  });
  const started = await startTestProvider({
    db,
    start: new Date(Number(latest.timestamp) * 1000),
    chains: detection.chains,
    ...(reportPaymentWaitMs === undefined ? {} : { reportPaymentWaitMs }),
    webhooks: { allowInsecureWebhookUrls: true, dispatcher: { intervalMs: 25 } },
  });
  built.provider = started;
  await started.app.rates.refresh();
  detection.start();
  // Each delivery is verified the moment it arrives, against the provider's clock then, as a
  // merchant's server would; only verified ones are acknowledged and kept.
  const endpoint: { secret?: string } = {};
  const verified: SessionEvent[] = [];
  const rejectedDeliveries: unknown[] = [];
  const receiver = await startWebhookReceiver({
    answer: (delivery) => {
      try {
        verified.push(
          verifyWebhookSignature({
            payload: delivery.body,
            header: delivery.headers['tp-signature'],
            secret: endpoint.secret ?? '',
            now: started.clock.now,
          }) as SessionEvent,
        );
        return { status: 204 };
      } catch (error) {
        rejectedDeliveries.push(error);
        return { status: 400 };
      }
    },
  });
  const response = await fetch(`${started.url}/v1/webhook_endpoints`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${started.merchant.secretKey}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ url: receiver.url, enabled_events: ['*'] }),
  });
  if (!response.ok) throw new Error(`webhook endpoint refused: ${await response.text()}`);
  endpoint.secret = ((await response.json()) as { secret: string }).secret;

  const receivedEvents = (): SessionEvent[] => [...verified];
  const eventsOf = (sessionId: string): SessionEvent[] => {
    const byId = new Map<string, SessionEvent>();
    for (const event of receivedEvents()) {
      if (event.data.id === sessionId && !byId.has(event.id)) byId.set(event.id, event);
    }
    return [...byId.values()].sort((left, right) =>
      left.created_at === right.created_at ? 0 : left.created_at < right.created_at ? -1 : 1,
    );
  };

  return {
    provider: started,
    detection,
    receiver,
    receivedEvents,
    rejectedDeliveries,
    eventTypesOf: (sessionId) => eventsOf(sessionId).map((event) => event.type),
    async waitForEvent(sessionId, type, timeoutMs = 10_000) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const found = eventsOf(sessionId).find((event) => event.type === type);
        if (found !== undefined) return found;
        if (performance.now() > deadline) {
          throw new Error(
            `no ${type} webhook for ${sessionId} within ${timeoutMs} ms; got ${JSON.stringify(
              eventsOf(sessionId).map((event) => event.type),
            )}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      await detection.stop();
      await started.close();
      await receiver.close();
    },
  };
}

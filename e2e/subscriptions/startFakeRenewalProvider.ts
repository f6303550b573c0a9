import { createServer } from 'node:http';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { encodeQuoteMessage } from '../../shared/quotes/encodeQuoteMessage.ts';
import { findPeriod } from '../../shared/subscriptions/findPeriod.ts';

export type FakeRenewalSettings = {
  /** The billing anchor (unix seconds): the grant's start. */
  anchorSeconds: number;
  subscriber: string;
  token: string;
  /** What each renewal quote asks: base units, and to whom. */
  amount: bigint;
  recipient: string;
  /** Serve the invoice of this period instead of the one due now (a stale or future one). */
  periodIndexOverride?: number;
};

export type FakeRenewalProvider = {
  readonly url: string;
  readonly subscriptionId: string;
  /** Settings the next answers use. */
  settings: FakeRenewalSettings;
  /** Milliseconds this provider adds to the real clock (the test moves it with the wallet's). */
  offsetMs: number;
  /** How often each route was called. */
  readonly calls: Map<string, number>;
  readonly cancellations: unknown[];
  stop(): Promise<void>;
};

const gracePeriodSeconds = 72 * 3600;

/**
 * A TP provider that answers what the wallet's scheduler reads, with quotes validly signed by its
 * own Ed25519 key, and says whatever the test tells it: a renewal above the grant, for another
 * recipient, for a period other than the one due. The wallet must not trust it beyond the grant.
 */
export async function startFakeRenewalProvider(
  settings: FakeRenewalSettings,
): Promise<FakeRenewalProvider> {
  const secretKey = ed25519.utils.randomSecretKey();
  const publicKey = bytesToHex(ed25519.getPublicKey(secretKey));
  const subscriptionId = `sub_${bytesToHex(crypto.getRandomValues(new Uint8Array(16)))}`;
  const calls = new Map<string, number>();
  const cancellations: unknown[] = [];
  const state = { settings, offsetMs: 0 };
  const now = () => new Date(Date.now() + state.offsetMs);

  const invoice = () => {
    const current = state.settings;
    const at = now();
    const anchor = new Date(current.anchorSeconds * 1000);
    const interval = { unit: 'month' as const, count: 1 };
    const due = findPeriod({ anchor, interval, at });
    const index = current.periodIndexOverride ?? due.index;
    const period = findPeriod({
      anchor,
      interval,
      at: index === due.index ? at : new Date(anchor.getTime() + (index * 30.5 + 1) * 86_400_000),
    });
    const sessionId = `cs_fake${index}${subscriptionId.slice(4, 20)}`;
    const fields = {
      id: `qt_fake${index}`,
      session_id: sessionId,
      chain_id: 31337,
      asset: 'USDC',
      token_address: current.token,
      decimals: 6,
      recipient: current.recipient,
      amount: current.amount.toString(),
      reference: bytesToHex(crypto.getRandomValues(new Uint8Array(16))),
      amount_minor: '999',
      currency: 'EUR',
      expires_at: new Date(Math.floor(at.getTime() / 1000) * 1000 + 10 * 60_000).toISOString(),
    };
    const signature = bytesToHex(ed25519.sign(encodeQuoteMessage(fields), secretKey));
    return {
      id: `inv_fake${index}`,
      object: 'subscription_invoice',
      subscription: subscriptionId,
      period_index: period.index,
      period_start: period.start.toISOString(),
      period_end: period.end.toISOString(),
      grace_ends_at: new Date(period.start.getTime() + gracePeriodSeconds * 1000).toISOString(),
      status: 'open',
      session_id: sessionId,
      session_status: 'open',
      amount_minor: '999',
      currency: 'EUR',
      quote: {
        ...fields,
        object: 'checkout.quote',
        pair: 'USDC/EUR',
        rate: '0.92',
        created_at: at.toISOString(),
        signature: { algorithm: 'ed25519', key_id: 'key_fake', value: signature },
      },
      paid_at: null,
      created_at: period.start.toISOString(),
    };
  };

  const routes: [RegExp, (body: unknown) => unknown][] = [
    [
      /^GET \/v1\/keys$/,
      () => ({
        keys: [
          {
            id: 'key_fake',
            algorithm: 'ed25519',
            public_key: publicKey,
            created_at: '2026-01-01T00:00:00.000Z',
          },
        ],
      }),
    ],
    [
      /^GET \/v1\/subscriptions\/checkout\/[^/]+$/,
      () => ({
        object: 'subscription_checkout',
        session_id: 'cs_fakefirst',
        plan: { name: 'Fake Club, monthly' },
        subscription: subscriptionId,
        expires_at: now().toISOString(),
        created_at: now().toISOString(),
      }),
    ],
    [
      /^GET \/v1\/subscriptions\/sub_[0-9a-f]+$/,
      () => ({
        id: subscriptionId,
        object: 'subscription',
        status: 'active',
        subscriber: state.settings.subscriber,
        amount_minor: '999',
        currency: 'EUR',
        next_renewal_at: null,
      }),
    ],
    [/^GET \/v1\/subscriptions\/sub_[0-9a-f]+\/renewals\/current$/, invoice],
    [
      /^POST \/v1\/subscriptions\/sub_[0-9a-f]+\/cancel-by-subscriber$/,
      (body) => {
        cancellations.push(body);
        return { id: subscriptionId, status: 'canceled' };
      },
    ],
    [/^POST \/v1\/checkout\/sessions\/[^/]+\/payments$/, () => ({})],
  ];

  const server = createServer((request, response) => {
    const headers = {
      'content-type': 'application/json',
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'authorization, content-type, accept',
    };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, headers).end();
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const key = `${request.method ?? 'GET'} ${(request.url ?? '/').split('?')[0] ?? '/'}`;
      const route = routes.find(([pattern]) => pattern.test(key));
      calls.set(key, (calls.get(key) ?? 0) + 1);
      if (route === undefined) {
        response
          .writeHead(404, headers)
          .end(JSON.stringify({ error: { code: 'not_found', message: key } }));
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      response
        .writeHead(200, headers)
        .end(JSON.stringify(route[1](text === '' ? undefined : JSON.parse(text))));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    subscriptionId,
    get settings() {
      return state.settings;
    },
    set settings(next) {
      state.settings = next;
    },
    get offsetMs() {
      return state.offsetMs;
    },
    set offsetMs(next) {
      state.offsetMs = next;
    },
    calls,
    cancellations,
    stop: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => {
          done();
        });
      }),
  };
}

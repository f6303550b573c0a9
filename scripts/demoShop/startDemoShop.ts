import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { listenOnPort } from '../stack/listenOnPort.ts';
import { createProviderClient } from '../../shared/providerClient/index.ts';
import { ProviderApiError } from '../../shared/providerClient/index.ts';
import { createCheckoutSession } from './createCheckoutSession.ts';
import { createSubscriptionCheckoutSession } from './createSubscriptionCheckoutSession.ts';
import { demoSubscription } from './demoSubscriptionPlan.ts';
import { demoTrialSubscription } from './demoTrialSubscriptionPlan.ts';
import { renderProductPage } from './renderProductPage.ts';
import type { CheckoutEmbed } from './renderProductPage.ts';

export type StartDemoShopParameters = {
  readonly host?: string;
  /** `0` lets the system pick a free port; `url` tells which. */
  readonly port: number;
  /** Built widget (dist/widget), served under /widget/. */
  readonly widgetDir?: string;
  /** Built React and Vue demo pages (`buildDemoPages`), served under /demo-pages/. */
  readonly demoPagesDir?: string;
  /** The provider the shop creates sessions on, and the widget talks to. */
  readonly providerUrl?: string;
  /**
   * `<dataDir>/merchant.json` ({ secretKey, publishableKey }), read at each checkout so new keys
   * after a stack restart need no shop restart. Without it (or `providerUrl`) the shop pages
   * still load and say that checkout is not set up.
   */
  readonly merchantFile?: string;
};

export type StartDemoShopReturnType = { readonly url: string; readonly stop: () => Promise<void> };

const publicDir = resolve(import.meta.dirname, 'public');
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
// The shop runs under a strict CSP, as a careful merchant's page would: the widget must cope.
// frame-src lets the widget show the provider's sandbox on-ramp page in the card when the
// browser blocks its popup.
const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' http://127.0.0.1:* http://localhost:*; frame-src http://127.0.0.1:* http://localhost:*; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const pageAliases: Record<string, string> = { '/react': 'react.html', '/vue': 'vue.html' };
const sessionPath = /^\/api\/checkout-sessions\/(cs_[A-Za-z0-9_]{1,97})$/;

/**
 * The demo merchant: a product page that embeds the widget with a session its server created
 * (`GET /`), the same for script-built pages (`POST /api/checkout-sessions`, used by the React and
 * Vue pages), and the order check a shop makes before shipping (`GET /api/checkout-sessions/:id`).
 * The secret key never leaves this server; pages get the session id and the publishable key.
 */
export async function startDemoShop({
  host = '127.0.0.1',
  port,
  widgetDir = 'dist/widget',
  demoPagesDir = 'dist/demo-shop',
  providerUrl,
  merchantFile,
}: StartDemoShopParameters): Promise<StartDemoShopReturnType> {
  const roots = { widget: resolve(widgetDir), pages: resolve(demoPagesDir), shop: publicDir };

  const readMerchant = async () => {
    if (providerUrl === undefined || merchantFile === undefined) return undefined;
    const parsed = JSON.parse(await readFile(merchantFile, 'utf8')) as Record<string, unknown>;
    const { secretKey, publishableKey } = parsed;
    if (typeof secretKey !== 'string' || typeof publishableKey !== 'string') return undefined;
    return { providerUrl, secretKey, publishableKey };
  };

  /** A new session for the demo product, or what to tell the shopper instead (and the status). */
  const startCheckout = async (
    offer: 'product' | 'subscription' | 'subscription-trial' = 'product',
  ): Promise<CheckoutEmbed | { readonly problem: string; readonly status: number }> => {
    const merchant = await readMerchant().catch(() => undefined);
    if (merchant === undefined) {
      // The shop itself works (the stack checks it answers 200); only checkout is off.
      return {
        problem: 'Checkout is not set up: this shop has no TP Pay merchant keys.',
        status: 200,
      };
    }
    try {
      const request = {
        providerUrl: merchant.providerUrl,
        secretKey: merchant.secretKey,
        orderId: `order-${randomUUID()}`,
      };
      const sessionId =
        offer === 'product'
          ? (await createCheckoutSession(request)).id
          : (
              await createSubscriptionCheckoutSession({
                ...request,
                offer: offer === 'subscription-trial' ? demoTrialSubscription : demoSubscription,
              })
            ).session_id;
      return {
        sessionId,
        publishableKey: merchant.publishableKey,
        providerUrl: merchant.providerUrl,
      };
    } catch {
      return {
        problem: 'Checkout is unavailable right now. Please reload the page to try again.',
        status: 503,
      };
    }
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const path = decodePath(request.url ?? '/');
    const method = request.method ?? 'GET';
    if (path === undefined) {
      response.writeHead(400).end();
      return;
    }

    if (path === '/' && (method === 'GET' || method === 'HEAD')) {
      const checkout = await startCheckout();
      send(
        response,
        'problem' in checkout ? checkout.status : 200,
        '.html',
        renderProductPage({ checkout }),
      );
      return;
    }
    if (path === '/subscribe' && (method === 'GET' || method === 'HEAD')) {
      // `?plan=trial`: the same club with a free week; no plan: the monthly one.
      const plan = new URL(request.url ?? '/', 'http://shop').searchParams.get('plan');
      if (plan !== null && plan !== 'trial') {
        send(response, 404, '.html', 'No such plan: try /subscribe or /subscribe?plan=trial.');
        return;
      }
      const offer = plan === 'trial' ? 'subscription-trial' : 'subscription';
      const checkout = await startCheckout(offer);
      send(
        response,
        'problem' in checkout ? checkout.status : 200,
        '.html',
        renderProductPage({ checkout, offer }),
      );
      return;
    }
    if (path === '/api/checkout-sessions' && method === 'POST') {
      const checkout = await startCheckout();
      if ('problem' in checkout) {
        send(response, 503, '.json', JSON.stringify({ error: checkout.problem }));
        return;
      }
      send(
        response,
        201,
        '.json',
        JSON.stringify({
          session_id: checkout.sessionId,
          publishable_key: checkout.publishableKey,
          provider_url: checkout.providerUrl,
        }),
      );
      return;
    }
    const sessionMatch = sessionPath.exec(path);
    if (sessionMatch?.[1] !== undefined && method === 'GET') {
      // Before shipping, the shop asks the provider itself: an event in the page is no proof.
      const merchant = await readMerchant().catch(() => undefined);
      if (merchant === undefined) {
        send(response, 503, '.json', JSON.stringify({ error: 'not set up' }));
        return;
      }
      const provider = createProviderClient({
        baseUrl: merchant.providerUrl,
        secretKey: merchant.secretKey,
      });
      try {
        const session = await provider.getCheckoutSession(sessionMatch[1]);
        send(response, 200, '.json', JSON.stringify({ id: session.id, status: session.status }));
      } catch (error) {
        const status = error instanceof ProviderApiError && error.status === 404 ? 404 : 502;
        send(response, status, '.json', JSON.stringify({ error: 'session not available' }));
      }
      return;
    }

    const file = path.startsWith('/widget/')
      ? within(roots.widget, path.slice('/widget/'.length))
      : path.startsWith('/demo-pages/')
        ? within(roots.pages, path.slice('/demo-pages/'.length))
        : within(roots.shop, pageAliases[path] ?? path.slice(1));
    if (file === undefined || (method !== 'GET' && method !== 'HEAD')) {
      response.writeHead(file === undefined ? 404 : 405).end();
      return;
    }
    const body = await readFile(file).catch(() => undefined);
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    send(response, 200, extname(file), method === 'HEAD' ? undefined : body);
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await listenOnPort(server, { host, port });
  const address = server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  return {
    url: `http://${host}:${boundPort}`,
    stop: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => {
          done();
        });
      }),
  };
}

function send(
  response: ServerResponse,
  status: number,
  extension: string,
  body: string | Buffer | undefined,
): void {
  response.writeHead(status, {
    'content-type': contentTypes[extension] ?? 'application/octet-stream',
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  response.end(body);
}

/** The request's path, percent-decoded; undefined when it is not valid percent-encoding. */
function decodePath(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url, 'http://shop').pathname);
  } catch {
    return undefined;
  }
}

/** Resolves `relativePath` under `root`, or undefined if it would escape it. */
function within(root: string, relativePath: string): string | undefined {
  const full = resolve(root, relativePath);
  return full.startsWith(root + sep) ? full : undefined;
}

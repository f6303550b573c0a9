import type { ApiErrorBody } from '../providerApi/ApiErrorBody.ts';
import type { ReportPaymentBody } from '../providerApi/CheckoutPayment.ts';
import type { CheckoutQuote, LockQuoteBody } from '../providerApi/CheckoutQuote.ts';
import type { CheckoutSession, CreateCheckoutSessionBody } from '../providerApi/CheckoutSession.ts';
import type { CreatePlanBody, Plan } from '../providerApi/Plan.ts';
import type { CreateOnrampOrderBody, OnrampOrder } from '../providerApi/OnrampOrder.ts';
import type { CreateOnrampQuoteBody, OnrampQuote } from '../providerApi/OnrampQuote.ts';
import type { RatesList } from '../providerApi/RatesList.ts';
import type { SigningKeysList } from '../providerApi/SigningKeysList.ts';
import type {
  CancelSubscriptionBody,
  CreateSubscriptionCheckoutBody,
  StartTrialBody,
  SubscriberCancelBody,
  Subscription,
  SubscriptionCheckout,
  SubscriptionInvoice,
} from '../providerApi/Subscription.ts';
import { MissingProviderKeyError, ProviderApiError, ProviderUnreachableError } from './errors.ts';

export type CreateProviderClientParameters = {
  /** `http://127.0.0.1:8787`, without a trailing path. */
  baseUrl: string;
  /** `pk_…`: enough to read and quote sessions; safe in a page. */
  publishableKey?: string;
  /** `sk_…`: server side only; needed to create sessions. Preferred over the publishable key. */
  secretKey?: string;
  fetch?: typeof globalThis.fetch;
};

export type PostOptions = {
  /** Sent as `Idempotency-Key`: retry a POST with the same key to get the first answer again. */
  idempotencyKey?: string;
};

export type ProviderClient = {
  getRates(): Promise<RatesList>;
  getSigningKeys(): Promise<SigningKeysList>;
  createCheckoutSession(
    body: CreateCheckoutSessionBody,
    options?: PostOptions,
  ): Promise<CheckoutSession>;
  getCheckoutSession(id: string): Promise<CheckoutSession>;
  lockQuote(sessionId: string, body: LockQuoteBody, options?: PostOptions): Promise<CheckoutQuote>;
  /** Tells the provider about a transaction sent for the session; resolves with the session. */
  reportPayment(
    sessionId: string,
    body: ReportPaymentBody,
    options?: PostOptions,
  ): Promise<CheckoutSession>;
  /** Subscriptions (secret key): a plan, then a checkout session in subscription mode for it. */
  createPlan(body: CreatePlanBody, options?: PostOptions): Promise<Plan>;
  getPlan(id: string): Promise<Plan>;
  createSubscriptionCheckout(
    body: CreateSubscriptionCheckoutBody,
    options?: PostOptions,
  ): Promise<SubscriptionCheckout>;
  /** The plan behind a checkout session (and its subscription once created). */
  getSubscriptionCheckout(sessionId: string): Promise<SubscriptionCheckout>;
  startSubscriptionTrial(sessionId: string, body: StartTrialBody): Promise<Subscription>;
  getSubscription(id: string): Promise<Subscription>;
  /** The merchant cancels (secret key). */
  cancelSubscription(
    id: string,
    body?: CancelSubscriptionBody,
    options?: PostOptions,
  ): Promise<Subscription>;
  /** The subscriber cancels, with a signature by the subscribing address. */
  cancelSubscriptionAsSubscriber(id: string, body: SubscriberCancelBody): Promise<Subscription>;
  /** The renewal due now, with its signed quote (what the wallet's scheduler pays). */
  getCurrentRenewal(subscriptionId: string): Promise<SubscriptionInvoice>;
  /** On-ramp (publishable or secret key): a price for buying crypto, fees apart. */
  createOnrampQuote(body: CreateOnrampQuoteBody, options?: PostOptions): Promise<OnrampQuote>;
  /** An order from a quote; refused with a 403 code naming the compliance rule. */
  createOnrampOrder(body: CreateOnrampOrderBody, options?: PostOptions): Promise<OnrampOrder>;
  getOnrampOrder(id: string): Promise<OnrampOrder>;
};

export type CreateProviderClientReturnType = ProviderClient;
export type ProviderClientErrorType =
  ProviderApiError | ProviderUnreachableError | MissingProviderKeyError;

/**
 * A typed client of the TP Provider API, for the widget, merchants' servers and tests. Every
 * method resolves with the API's object or rejects with a `ProviderApiError` whose `code` is the
 * API's error code (`unauthorized`, `rates_unavailable`…) and `param` the field at fault.
 */
export function createProviderClient({
  baseUrl,
  publishableKey,
  secretKey,
  fetch = globalThis.fetch.bind(globalThis),
}: CreateProviderClientParameters): CreateProviderClientReturnType {
  const root = baseUrl.replace(/\/+$/, '');

  async function call<Result>(
    method: 'GET' | 'POST',
    path: string,
    { key, body, idempotencyKey }: { key?: string; body?: unknown; idempotencyKey?: string },
  ): Promise<Result> {
    const url = `${root}${path}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (key !== undefined) headers.authorization = `Bearer ${key}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (cause) {
      throw new ProviderUnreachableError({ url, cause });
    }
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch (cause) {
      throw new ProviderUnreachableError({ url, status: response.status, cause });
    }
    if (response.ok) return parsed as Result;
    const error = (parsed as Partial<ApiErrorBody> | null)?.error;
    if (typeof error?.code !== 'string') {
      throw new ProviderUnreachableError({ url, status: response.status });
    }
    throw new ProviderApiError({
      code: error.code,
      message: typeof error.message === 'string' ? error.message : error.code,
      param: typeof error.param === 'string' ? error.param : undefined,
      status: response.status,
    });
  }

  const anyKey = (operation: string): string => {
    const key = secretKey ?? publishableKey;
    if (key === undefined) {
      throw new MissingProviderKeyError({ operation, needs: 'a publishable or secret key' });
    }
    return key;
  };

  const requireSecretKey = (operation: string): string => {
    if (secretKey === undefined) {
      throw new MissingProviderKeyError({ operation, needs: 'the secret key' });
    }
    return secretKey;
  };
  const path = (...segments: string[]): string =>
    segments.map((segment) => encodeURIComponent(segment)).join('/');

  return {
    getRates: () => call('GET', '/v1/rates', {}),
    getSigningKeys: () => call('GET', '/v1/keys', {}),
    createCheckoutSession(body, { idempotencyKey } = {}) {
      if (secretKey === undefined) {
        return Promise.reject(
          new MissingProviderKeyError({
            operation: 'createCheckoutSession',
            needs: 'the secret key',
          }),
        );
      }
      return call('POST', '/v1/checkout/sessions', { key: secretKey, body, idempotencyKey });
    },
    async getCheckoutSession(id) {
      const key = anyKey('getCheckoutSession');
      return call('GET', `/v1/checkout/sessions/${encodeURIComponent(id)}`, { key });
    },
    async lockQuote(sessionId, body, { idempotencyKey } = {}) {
      const key = anyKey('lockQuote');
      return call('POST', `/v1/checkout/sessions/${encodeURIComponent(sessionId)}/quotes`, {
        key,
        body,
        idempotencyKey,
      });
    },
    async reportPayment(sessionId, body, { idempotencyKey } = {}) {
      const key = anyKey('reportPayment');
      return call('POST', `/v1/checkout/sessions/${encodeURIComponent(sessionId)}/payments`, {
        key,
        body,
        idempotencyKey,
      });
    },
    async createPlan(body, { idempotencyKey } = {}) {
      const key = requireSecretKey('createPlan');
      return call('POST', '/v1/plans', { key, body, idempotencyKey });
    },
    async getPlan(id) {
      const key = anyKey('getPlan');
      return call('GET', `/v1/plans/${path(id)}`, { key });
    },
    async createSubscriptionCheckout(body, { idempotencyKey } = {}) {
      const key = requireSecretKey('createSubscriptionCheckout');
      return call('POST', '/v1/subscriptions/checkout', { key, body, idempotencyKey });
    },
    async getSubscriptionCheckout(sessionId) {
      const key = anyKey('getSubscriptionCheckout');
      return call('GET', `/v1/subscriptions/checkout/${path(sessionId)}`, { key });
    },
    async startSubscriptionTrial(sessionId, body) {
      const key = anyKey('startSubscriptionTrial');
      return call('POST', `/v1/subscriptions/checkout/${path(sessionId)}/trial`, { key, body });
    },
    async getSubscription(id) {
      const key = anyKey('getSubscription');
      return call('GET', `/v1/subscriptions/${path(id)}`, { key });
    },
    async cancelSubscription(id, body = {}, { idempotencyKey } = {}) {
      const key = requireSecretKey('cancelSubscription');
      return call('POST', `/v1/subscriptions/${path(id)}/cancel`, { key, body, idempotencyKey });
    },
    async cancelSubscriptionAsSubscriber(id, body) {
      const key = anyKey('cancelSubscriptionAsSubscriber');
      return call('POST', `/v1/subscriptions/${path(id)}/cancel-by-subscriber`, { key, body });
    },
    async getCurrentRenewal(subscriptionId) {
      const key = anyKey('getCurrentRenewal');
      return call('GET', `/v1/subscriptions/${path(subscriptionId)}/renewals/current`, { key });
    },
    async createOnrampQuote(body, { idempotencyKey } = {}) {
      const key = anyKey('createOnrampQuote');
      return call('POST', '/v1/onramp/quotes', { key, body, idempotencyKey });
    },
    async createOnrampOrder(body, { idempotencyKey } = {}) {
      const key = anyKey('createOnrampOrder');
      return call('POST', '/v1/onramp/orders', { key, body, idempotencyKey });
    },
    async getOnrampOrder(id) {
      const key = anyKey('getOnrampOrder');
      return call('GET', `/v1/onramp/orders/${path(id)}`, { key });
    },
  };
}

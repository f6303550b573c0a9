import { describe, expect, it } from 'vitest';
import { createProviderClient } from './createProviderClient.ts';
import { MissingProviderKeyError, ProviderApiError, ProviderUnreachableError } from './errors.ts';

type Call = { url: string; init: RequestInit | undefined };

/** A fetch that records what it was asked and answers `response`. (The server side is tested against the real provider in provider/.) */
function answering(response: () => Response | Promise<Response>): {
  fetch: typeof globalThis.fetch;
  calls: Call[];
} {
  const calls: Call[] = [];
  const fetch = (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: input instanceof Request ? input.url : input.toString(), init });
    return Promise.resolve(response());
  };
  return { fetch, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createProviderClient', () => {
  it('sends the secret key, the body as JSON and the idempotency key when given', async () => {
    const { fetch, calls } = answering(() => json(200, { id: 'cs_1' }));
    const client = createProviderClient({
      baseUrl: 'http://provider.test/',
      secretKey: 'sk_x',
      fetch,
    });
    const body = {
      amount_minor: '2400',
      currency: 'EUR',
      recipients: {},
      accepted_assets: [],
    };
    await client.createCheckoutSession(body, { idempotencyKey: 'order-1001' });
    expect(calls[0]?.url).toBe('http://provider.test/v1/checkout/sessions');
    expect(calls[0]?.init).toMatchObject({
      method: 'POST',
      headers: {
        authorization: 'Bearer sk_x',
        'content-type': 'application/json',
        'idempotency-key': 'order-1001',
      },
      body: JSON.stringify(body),
    });
  });

  it('reads sessions with the publishable key when it has no secret key', async () => {
    const { fetch, calls } = answering(() => json(200, {}));
    const client = createProviderClient({
      baseUrl: 'http://provider.test',
      publishableKey: 'pk_y',
      fetch,
    });
    await client.getCheckoutSession('cs_a/b');
    expect(calls[0]?.url).toBe('http://provider.test/v1/checkout/sessions/cs_a%2Fb');
    expect(calls[0]?.init?.headers).toMatchObject({ authorization: 'Bearer pk_y' });
  });

  it("turns the API's error body into a ProviderApiError with its code, param and status", async () => {
    const { fetch } = answering(() =>
      json(400, {
        error: { code: 'invalid_request', message: 'Bad currency.', param: 'currency' },
      }),
    );
    const client = createProviderClient({
      baseUrl: 'http://provider.test',
      secretKey: 'sk_x',
      fetch,
    });
    const error = await client
      .createCheckoutSession({
        amount_minor: '1',
        currency: 'X',
        recipients: {},
        accepted_assets: [],
      })
      .catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ProviderApiError);
    expect(error).toMatchObject({
      code: 'invalid_request',
      shortMessage: 'Bad currency.',
      param: 'currency',
      status: 400,
    });
  });

  it('says the provider is unreachable for a network failure or a body that is not JSON', async () => {
    const down = createProviderClient({
      baseUrl: 'http://provider.test',
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    await expect(down.getRates()).rejects.toBeInstanceOf(ProviderUnreachableError);
    const proxy = createProviderClient({
      baseUrl: 'http://provider.test',
      fetch: answering(() => new Response('<html>Bad gateway</html>', { status: 502 })).fetch,
    });
    await expect(proxy.getRates()).rejects.toMatchObject({ code: 'provider/unreachable' });
  });

  it('refuses to create a session without the secret key, before any request', async () => {
    const { fetch, calls } = answering(() => json(200, {}));
    const client = createProviderClient({
      baseUrl: 'http://provider.test',
      publishableKey: 'pk_y',
      fetch,
    });
    await expect(
      client.createCheckoutSession({
        amount_minor: '1',
        currency: 'EUR',
        recipients: {},
        accepted_assets: [],
      }),
    ).rejects.toBeInstanceOf(MissingProviderKeyError);
    expect(calls).toEqual([]);
  });
});

/** What the shop's server answers to `POST /api/checkout-sessions`. */
export type CheckoutStart = {
  readonly session_id: string;
  readonly publishable_key: string;
  readonly provider_url: string;
};

/** Asks the shop's own server for a checkout session (it holds the secret key, the page never). */
export async function requestCheckout(): Promise<CheckoutStart> {
  const response = await fetch('/api/checkout-sessions', { method: 'POST' });
  if (!response.ok) throw new Error(`The shop answered HTTP ${response.status}.`);
  return (await response.json()) as CheckoutStart;
}

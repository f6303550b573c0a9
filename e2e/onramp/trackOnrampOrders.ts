import type { Page } from '@playwright/test';

export type OnrampOrderTracker = {
  /** Ids of the on-ramp orders the page created, oldest first. */
  readonly orderIds: readonly string[];
};

/** Notes the id of every on-ramp order the page creates (`POST /v1/onramp/orders` answers). */
export function trackOnrampOrders(page: Page): OnrampOrderTracker {
  const orderIds: string[] = [];
  page.on('response', (response) => {
    const request = response.request();
    if (request.method() !== 'POST' || !request.url().endsWith('/v1/onramp/orders')) return;
    if (!response.ok()) return;
    void response.json().then(
      (body: unknown) => {
        const id = (body as { id?: unknown } | null)?.id;
        if (typeof id === 'string') orderIds.push(id);
      },
      () => undefined,
    );
  });
  return { orderIds };
}

import type { Page } from '@playwright/test';

export type RecordedCheckoutEvent = { readonly name: string; readonly detail: unknown };
export type RecordedCspViolation = {
  readonly directive: string;
  readonly blockedUri: string;
  readonly sample: string;
};

export type CheckoutTracker = {
  /** Every `tp-checkout:*` event the page received, in order, with its detail. */
  events(): Promise<RecordedCheckoutEvent[]>;
  /** The details of the events named `name`. */
  details(name: string): Promise<unknown[]>;
  /** Content-Security-Policy violations the page reported (`securitypolicyviolation`). */
  cspViolations(): Promise<RecordedCspViolation[]>;
};

const eventNames = [
  'tp-checkout:quote',
  'tp-checkout:pending',
  'tp-checkout:paid',
  'tp-checkout:failed',
  'tp-checkout:expired',
];

/** Records, from the page's first script on, the widget's events and any CSP violation. */
export async function trackCheckout(page: Page): Promise<CheckoutTracker> {
  await page.addInitScript((names) => {
    const store = window as unknown as {
      tpRecordedEvents: RecordedCheckoutEvent[];
      tpCspViolations: RecordedCspViolation[];
    };
    store.tpRecordedEvents = [];
    store.tpCspViolations = [];
    for (const name of names) {
      // On the document, as a page would: the events bubble and are composed.
      document.addEventListener(name, (event) => {
        const detail = JSON.parse(
          JSON.stringify((event as CustomEvent).detail, (_key, value: unknown) =>
            typeof value === 'bigint' ? value.toString() : value,
          ),
        ) as unknown;
        store.tpRecordedEvents.push({ name, detail });
      });
    }
    document.addEventListener('securitypolicyviolation', (event) => {
      store.tpCspViolations.push({
        directive: event.violatedDirective,
        blockedUri: event.blockedURI,
        sample: event.sample,
      });
    });
  }, eventNames);
  const events = () =>
    page.evaluate(
      () => (window as unknown as { tpRecordedEvents: RecordedCheckoutEvent[] }).tpRecordedEvents,
    );
  return {
    events,
    details: async (name) =>
      (await events()).filter((event) => event.name === name).map((event) => event.detail),
    cspViolations: () =>
      page.evaluate(
        () => (window as unknown as { tpCspViolations: RecordedCspViolation[] }).tpCspViolations,
      ),
  };
}

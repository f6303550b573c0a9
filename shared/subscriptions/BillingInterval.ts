/** The calendar units a plan renews by. */
export const billingIntervalUnits = ['day', 'week', 'month', 'year'] as const;

export type BillingIntervalUnit = (typeof billingIntervalUnits)[number];

/** `count` units make one period: `{ unit: 'month', count: 3 }` renews every quarter. */
export type BillingInterval = {
  readonly unit: BillingIntervalUnit;
  readonly count: number;
};

/** The longest period of each unit is one year, as with Stripe's prices. */
export const maxIntervalCount: Readonly<Record<BillingIntervalUnit, number>> = {
  day: 365,
  week: 52,
  month: 12,
  year: 1,
};

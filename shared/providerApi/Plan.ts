import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { billingIntervalUnits, maxIntervalCount } from '../subscriptions/BillingInterval.ts';
import { AcceptedAsset, CreateCheckoutSessionBody } from './CheckoutSession.ts';
import { Address, Timestamp, UnsignedIntegerString } from './wireTypes.ts';

/** Limits of a plan's inputs; the schema below and the docs say the same. */
export const planLimits = {
  maxNameLength: 100,
  maxTrialDays: 365,
  minCycles: 2,
  maxCycles: 1000,
  maxAllowanceMarginPercent: 50,
  defaultAllowanceMarginPercent: 10,
  maxGracePeriodHours: 720,
  /** Or half the shortest period, when that is less (a daily plan gets 12 hours). */
  defaultGracePeriodHours: 72,
} as const;

export const BillingIntervalUnit = Type.Union(
  billingIntervalUnits.map((unit) => Type.Literal(unit)),
  { description: 'The calendar unit of a period.' },
);

const sessionFields = CreateCheckoutSessionBody.properties;

export const CreatePlanBody = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: planLimits.maxNameLength,
      description: 'What the shopper subscribes to, shown in the widget and the wallet.',
      examples: ['Pro, monthly'],
    }),
    amount_minor: {
      ...sessionFields.amount_minor,
      description:
        'The price of one period in minor units of `currency` (ISO 4217), as a decimal string: ' +
        '"999" with EUR is 9.99 EUR. Positive, at most 15 digits.',
      examples: ['999'],
    },
    currency: sessionFields.currency,
    interval: BillingIntervalUnit,
    interval_count: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: maxIntervalCount.day,
        description:
          `Units per period (default 1): at most one year, so ${maxIntervalCount.day} days, ` +
          `${maxIntervalCount.week} weeks, ${maxIntervalCount.month} months or ` +
          `${maxIntervalCount.year} year.`,
      }),
    ),
    trial_days: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: planLimits.maxTrialDays,
        description:
          'Free days before the first period (default 0). The shopper grants the allowance and ' +
          'signs a trial start instead of paying; the first payment falls due when the trial ends.',
      }),
    ),
    cycles: Type.Optional(
      Type.Integer({
        minimum: planLimits.minCycles,
        maximum: planLimits.maxCycles,
        description:
          'Paid periods in all, the first included; the subscription ends once the last is paid ' +
          '(installments: a price in `cycles` parts). Absent: until canceled.',
      }),
    ),
    allowance_margin_percent: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: planLimits.maxAllowanceMarginPercent,
        description:
          'How far the crypto price of a period may rise with the exchange rate before the ' +
          "shopper's wallet refuses to renew (default 10): the allowance asked from the wallet " +
          'is the first quote plus this margin. Shown to the shopper.',
      }),
    ),
    grace_period_hours: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: planLimits.maxGracePeriodHours,
        description:
          'How long after a renewal falls due it may still be paid before the subscription is ' +
          '`past_due` (default 72, or half the shortest period when that is less). Shorter than ' +
          'the shortest period.',
      }),
    ),
    recipients: sessionFields.recipients,
    accepted_assets: {
      ...sessionFields.accepted_assets,
      description:
        'What the shopper may pay with: ERC-20 tokens only (the wallet grants a periodic token ' +
        'allowance), each known on its chain and priced in `currency`. The shopper picks one ' +
        'at checkout; every renewal is paid in it, to the same address.',
    },
    metadata: sessionFields.metadata,
  },
  { additionalProperties: false, title: 'CreatePlanBody' },
);

export const Plan = Type.Object(
  {
    id: Type.String({ examples: ['plan_a87ff679a2f3e71d9181a67b7542122c'] }),
    object: Type.Literal('plan'),
    name: Type.String(),
    amount_minor: UnsignedIntegerString,
    currency: Type.String(),
    interval: BillingIntervalUnit,
    interval_count: Type.Integer({ minimum: 1 }),
    trial_days: Type.Integer({ minimum: 0 }),
    cycles: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
      description: 'Paid periods in all; null: until canceled.',
    }),
    allowance_margin_percent: Type.Integer({ minimum: 0 }),
    grace_period_hours: Type.Integer({ minimum: 1 }),
    recipients: Type.Record(Type.String(), Address),
    accepted_assets: Type.Array(AcceptedAsset),
    metadata: Type.Optional(
      Type.Record(Type.String(), Type.String(), {
        description: 'Present when read with the secret key.',
      }),
    ),
    created_at: Timestamp,
  },
  { title: 'Plan' },
);

export const PlanIdParams = Type.Object({
  id: Type.String({ pattern: '^[A-Za-z0-9_]{1,100}$', description: 'The plan id (`plan_…`).' }),
});

export type BillingIntervalUnit = Static<typeof BillingIntervalUnit>;
export type CreatePlanBody = Static<typeof CreatePlanBody>;
export type Plan = Static<typeof Plan>;

export { createProviderClient } from './createProviderClient.ts';
export type {
  CreateProviderClientParameters,
  CreateProviderClientReturnType,
  PostOptions,
  ProviderClient,
  ProviderClientErrorType,
} from './createProviderClient.ts';
export { MissingProviderKeyError, ProviderApiError, ProviderUnreachableError } from './errors.ts';
export type {
  CheckoutAmountPaid,
  CheckoutPayment,
  PaymentStatus,
  ReportPaymentBody,
} from '../providerApi/CheckoutPayment.ts';
export type { CheckoutQuote, LockQuoteBody } from '../providerApi/CheckoutQuote.ts';
export type {
  AcceptedAsset,
  CheckoutSession,
  CreateCheckoutSessionBody,
  PaymentOption,
  SessionStatus,
} from '../providerApi/CheckoutSession.ts';
export type { RateEntry, RatesList } from '../providerApi/RatesList.ts';
export type { CreatePlanBody, Plan } from '../providerApi/Plan.ts';
export type {
  CancelSubscriptionBody,
  CreateSubscriptionCheckoutBody,
  StartTrialBody,
  SubscriberCancelBody,
  Subscription,
  SubscriptionCheckout,
  SubscriptionGrant,
  SubscriptionInvoice,
  SubscriptionStatus,
} from '../providerApi/Subscription.ts';
export type { SigningKey, SigningKeysList } from '../providerApi/SigningKeysList.ts';

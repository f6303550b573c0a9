export type { Pair } from './Pair.ts';
export type {
  FixedRateSource,
  HttpRateSource,
  RateSource,
  SourceQuote,
  SourceRequest,
} from './RateSource.ts';
export type { SourceAnswer } from './SourceAnswer.ts';
export {
  InvalidPairError,
  InvalidRatesInputError,
  MalformedResponseError,
  NoQuorumError,
  SourceHttpError,
  SourceReportedError,
  SourceTimeoutError,
  SourceUnreachableError,
  UnsupportedPairError,
} from './errors.ts';
export type { NoQuorumOutSource } from './errors.ts';
export { aggregateRates } from './aggregateRates.ts';
export type {
  AggregateRatesErrorType,
  AggregateRatesParameters,
  AggregateRatesReturnType,
  RejectedSource,
  RejectionReason,
  UsedSource,
} from './aggregateRates.ts';
export { collectQuotes } from './collectQuotes.ts';
export type {
  CollectQuotesErrorType,
  CollectQuotesParameters,
  CollectQuotesReturnType,
} from './collectQuotes.ts';
export { compareRates } from './compareRates.ts';
export type { CompareRatesErrorType, CompareRatesReturnType } from './compareRates.ts';
export { createBinanceSource, defaultBinancePairs } from './createBinanceSource.ts';
export type {
  CreateBinanceSourceErrorType,
  CreateBinanceSourceParameters,
  CreateBinanceSourceReturnType,
} from './createBinanceSource.ts';
export { createCoinbaseSource, defaultCoinbasePairs } from './createCoinbaseSource.ts';
export type {
  CreateCoinbaseSourceErrorType,
  CreateCoinbaseSourceParameters,
  CreateCoinbaseSourceReturnType,
} from './createCoinbaseSource.ts';
export { createEcbSource, defaultEcbCurrencies } from './createEcbSource.ts';
export type {
  CreateEcbSourceErrorType,
  CreateEcbSourceParameters,
  CreateEcbSourceReturnType,
} from './createEcbSource.ts';
export { createKrakenSource, defaultKrakenMarkets } from './createKrakenSource.ts';
export type {
  CreateKrakenSourceErrorType,
  CreateKrakenSourceParameters,
  CreateKrakenSourceReturnType,
} from './createKrakenSource.ts';
export { createLocalSource } from './createLocalSource.ts';
export type {
  CreateLocalSourceErrorType,
  CreateLocalSourceParameters,
  CreateLocalSourceReturnType,
} from './createLocalSource.ts';
export { fetchSourceQuote } from './fetchSourceQuote.ts';
export type {
  FetchFunction,
  FetchSourceQuoteErrorType,
  FetchSourceQuoteParameters,
  FetchSourceQuoteReturnType,
} from './fetchSourceQuote.ts';
export { medianRate } from './medianRate.ts';
export type { MedianRateErrorType, MedianRateReturnType } from './medianRate.ts';
export { multiplyRates } from './multiplyRates.ts';
export type { MultiplyRatesErrorType, MultiplyRatesReturnType } from './multiplyRates.ts';
export { parsePair } from './parsePair.ts';
export type { ParsePairErrorType, ParsePairReturnType } from './parsePair.ts';
export { planRoute } from './planRoute.ts';
export type {
  PlanRouteErrorType,
  PlanRouteParameters,
  PlanRouteReturnType,
  RouteLeg,
} from './planRoute.ts';
export { reduceRate } from './reduceRate.ts';
export type { ReduceRateErrorType, ReduceRateReturnType } from './reduceRate.ts';

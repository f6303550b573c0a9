/*
 * Field checks shared by the readers of provider answers. The widget renders and pays from these
 * answers, so each field it relies on is checked for type and form; the rest is passed through.
 */
export const addressPattern = /^0x[0-9a-fA-F]{40}$/;
export const unsignedIntegerPattern = /^(0|[1-9][0-9]*)$/;
export const assetPattern = /^[A-Z0-9]{1,11}$/;
export const transactionHashPattern = /^0x[0-9a-fA-F]{64}$/;

export type AnswerRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is AnswerRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function matches(value: unknown, pattern: RegExp): value is string {
  return typeof value === 'string' && value.length <= 100 && pattern.test(value);
}

export function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));
}

export function isChainId(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

export function isDecimals(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 77;
}

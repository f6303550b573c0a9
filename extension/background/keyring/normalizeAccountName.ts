/**
 * Assumes nothing about `name` (typed by the user, later shown in approval windows). NFC, trimmed,
 * 1 to 64 characters; control and bidirectional-override characters are refused, since they
 * could make one account's name pass for another's.
 */
import { maximumAccountNameLength } from './KeyringState.ts';
import { InvalidAccountNameError } from './errors.ts';

export type NormalizeAccountNameErrorType = InvalidAccountNameError;

const forbidden = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/u;

export function normalizeAccountName(name: string): string {
  if (typeof name !== 'string') throw new InvalidAccountNameError({ reason: 'it is not text' });
  if (name.length > 4 * maximumAccountNameLength)
    throw new InvalidAccountNameError({
      reason: `it is longer than ${maximumAccountNameLength} characters`,
    });
  if (forbidden.test(name))
    throw new InvalidAccountNameError({ reason: 'it contains control or direction characters' });
  const normalized = name.normalize('NFC').trim();
  if (normalized === '') throw new InvalidAccountNameError({ reason: 'it is empty' });
  if (Array.from(normalized).length > maximumAccountNameLength)
    throw new InvalidAccountNameError({
      reason: `it is longer than ${maximumAccountNameLength} characters`,
    });
  return normalized;
}

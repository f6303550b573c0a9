/**
 * Assumes nothing about `message` (personal_sign's first parameter, from a page). Follows the
 * personal_sign convention: a `0x`-prefixed hex string is bytes, anything else is UTF-8 text.
 * Refuses odd-length hex (implementations disagree on its bytes) and text with lone surrogates
 * (it would be signed as U+FFFD, not as written).
 */
import { hexToBytes, stringToHex } from 'viem';
import type { Hex } from 'viem';
import { InvalidPersonalMessageError } from './errors.ts';

export type ParsePersonalMessageParameters = { message: unknown };
export type ParsePersonalMessageReturnType = {
  /** The bytes EIP-191 signs, lowercase hex. */
  raw: Hex;
  /** The bytes as text when they are valid UTF-8, else undefined. */
  text: string | undefined;
};
export type ParsePersonalMessageErrorType = InvalidPersonalMessageError;

export const maxPersonalMessageBytes = 100_000;

const hexPattern = /^0x[0-9a-fA-F]*$/;
const loneSurrogatePattern =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const tooLong = `it is longer than ${maxPersonalMessageBytes} bytes`;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function parsePersonalMessage({
  message,
}: ParsePersonalMessageParameters): ParsePersonalMessageReturnType {
  if (typeof message !== 'string')
    throw new InvalidPersonalMessageError({ reason: 'it is neither hex bytes nor text' });
  // Cheap bound first: hex takes 2 characters per byte, text at least 1 byte per character.
  if (message.length > 2 + 2 * maxPersonalMessageBytes)
    throw new InvalidPersonalMessageError({ reason: tooLong });

  if (hexPattern.test(message)) {
    if (message.length % 2 !== 0)
      throw new InvalidPersonalMessageError({ reason: 'hex bytes need an even number of digits' });
    const raw = message.toLowerCase() as Hex;
    if ((raw.length - 2) / 2 > maxPersonalMessageBytes)
      throw new InvalidPersonalMessageError({ reason: tooLong });
    return { raw, text: decodeUtf8(raw) };
  }

  if (loneSurrogatePattern.test(message))
    throw new InvalidPersonalMessageError({ reason: 'the text is not well-formed Unicode' });
  const raw = stringToHex(message);
  if ((raw.length - 2) / 2 > maxPersonalMessageBytes)
    throw new InvalidPersonalMessageError({ reason: tooLong });
  return { raw, text: message };
}

function decodeUtf8(raw: Hex): string | undefined {
  try {
    return strictUtf8.decode(hexToBytes(raw));
  } catch {
    return undefined;
  }
}

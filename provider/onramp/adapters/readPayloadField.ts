import { MalformedOnrampWebhookError } from '../errors.ts';

export type PayloadFieldKind = 'object' | 'string' | 'nullable-string';

export type ReadPayloadFieldParameters = {
  adapter: string;
  from: unknown;
  key: string;
  /** Where the field sits, for the error (`data.status`). */
  path: string;
  kind: PayloadFieldKind;
};

export type ReadPayloadFieldReturnType = Readonly<Record<string, unknown>> | string | null;

/**
 * One field of an on-ramp's webhook payload, of the kind expected, or a
 * `MalformedOnrampWebhookError` naming it. Own properties only, so `__proto__` or `constructor`
 * in a payload never reach the prototype. Missing and `null` are the same for nullable strings.
 */
export function readPayloadField({
  adapter,
  from,
  key,
  path,
  kind,
}: ReadPayloadFieldParameters): ReadPayloadFieldReturnType {
  const container =
    typeof from === 'object' && from !== null && !Array.isArray(from) ? from : undefined;
  const value: unknown =
    container !== undefined && Object.hasOwn(container, key)
      ? (container as Record<string, unknown>)[key]
      : undefined;
  if (kind === 'object') {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Readonly<Record<string, unknown>>;
    }
  } else if (typeof value === 'string' && value.length <= 4096) {
    return value;
  } else if (kind === 'nullable-string' && (value === null || value === undefined)) {
    return null;
  }
  throw new MalformedOnrampWebhookError({ adapter, field: path });
}

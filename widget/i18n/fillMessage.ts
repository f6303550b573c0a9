export type FillMessageValues = Readonly<Record<string, string | number>>;
export type FillMessageReturnType = string;

const placeholder = /\{(\w+)\}/g;

/**
 * `{name}` placeholders of `message` filled from `values` (a placeholder without a value stays
 * visible, a bug to see rather than hide). Values are inserted as text, never as patterns; with
 * `isolateValues` each is wrapped in Unicode isolates (FSI … PDI), for right-to-left languages.
 */
export function fillMessage(
  message: string,
  values: FillMessageValues | undefined,
  isolateValues: boolean,
): FillMessageReturnType {
  if (values === undefined) return message;
  return message.replace(placeholder, (match, name: string) => {
    const value = values[name];
    if (value === undefined) return match;
    return isolateValues ? `\u2068${String(value)}\u2069` : String(value);
  });
}

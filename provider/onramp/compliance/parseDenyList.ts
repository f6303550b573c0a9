import { InvalidOnrampConfigError } from '../errors.ts';
import { normalizeAddress } from './normalizeAddress.ts';

export type ParseDenyListParameters = {
  text: string;
  /** Named in errors (the file's path). */
  source: string;
};
export type ParseDenyListReturnType = ReadonlySet<string>;
export type ParseDenyListErrorType = InvalidOnrampConfigError;

/**
 * A deny list as operators keep them: one address per line, `#` starts a comment (whole line or
 * after the address), blank lines ignored, any letter case. Returns the EIP-55 forms. A line that
 * is not an address fails the whole file, naming the line: a screening list silently missing an
 * entry is worse than a provider that does not start.
 */
export function parseDenyList({ text, source }: ParseDenyListParameters): ParseDenyListReturnType {
  const addresses = new Set<string>();
  text.split(/\r?\n/).forEach((line, index) => {
    const entry = line.replace(/#.*$/, '').trim();
    if (entry === '') return;
    const address = normalizeAddress(entry);
    if (address === undefined) {
      throw new InvalidOnrampConfigError({
        field: `${source}:${index + 1}`,
        expected: 'one 0x-prefixed 40-hex-digit address per line (comments after #)',
      });
    }
    addresses.add(address);
  });
  return addresses;
}

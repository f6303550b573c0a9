import { getAddress, isAddress } from 'viem';
import type { Address } from 'viem';
import type { RecipientProblem } from './RulesDraft.ts';

export type ParseRecipientListReturnType = {
  /** EIP-55, in the order typed, each once. */
  readonly addresses: readonly Address[];
  readonly problems: readonly RecipientProblem[];
};

/**
 * A recipient allow-list as typed: one address per line, blank lines and spaces around ignored.
 * All lower case or all upper case is taken as it is; mixed case must carry a valid EIP-55
 * checksum, since a wrong one is the mark of a typo in an address money would go to.
 */
export function parseRecipientList(text: string): ParseRecipientListReturnType {
  const addresses: Address[] = [];
  const problems: RecipientProblem[] = [];
  const firstLine = new Map<string, number>();
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const entry = raw.trim();
    if (entry === '') return;
    if (!isAddress(entry, { strict: false })) {
      problems.push({ kind: 'not-address', line, text: entry });
      return;
    }
    const digits = entry.slice(2);
    const isOneCase = digits === digits.toLowerCase() || digits === digits.toUpperCase();
    if (!isOneCase && !isAddress(entry, { strict: true })) {
      problems.push({ kind: 'checksum', line, text: entry });
      return;
    }
    const key = entry.toLowerCase();
    const first = firstLine.get(key);
    if (first !== undefined) {
      problems.push({ kind: 'repeated', line, first });
      return;
    }
    firstLine.set(key, line);
    addresses.push(getAddress(entry));
  });
  return { addresses, problems };
}

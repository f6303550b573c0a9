import { describe, expect, it } from 'vitest';
import { parseRecipientList } from './parseRecipientList.ts';

const merchant = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const other = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

describe('parseRecipientList', () => {
  it('reads one address per line, in EIP-55, skipping blank lines and spaces', () => {
    expect(parseRecipientList(`  ${merchant.toLowerCase()} \n\n${other}\r\n`)).toEqual({
      addresses: [merchant, other],
      problems: [],
    });
  });

  it('names each line that is not an address, by its number', () => {
    expect(parseRecipientList(`${merchant}\nshop.example\n0x1234`).problems).toEqual([
      { kind: 'not-address', line: 2, text: 'shop.example' },
      { kind: 'not-address', line: 3, text: '0x1234' },
    ]);
  });

  it('refuses mixed case that does not match the checksum (a typo), takes one case as it is', () => {
    const typo = merchant.replace('C51812', 'c51812');
    expect(parseRecipientList(typo).problems).toEqual([{ kind: 'checksum', line: 1, text: typo }]);
    expect(parseRecipientList(`0x${merchant.slice(2).toUpperCase()}`).addresses).toEqual([
      merchant,
    ]);
  });

  it('names a repeated address with the line it repeats', () => {
    expect(parseRecipientList(`${merchant}\n${other}\n${merchant.toLowerCase()}`)).toEqual({
      addresses: [merchant, other],
      problems: [{ kind: 'repeated', line: 3, first: 1 }],
    });
  });
});

import { TpError } from '../../shared/errors/TpError.ts';

/** Not an address (0x and 40 hex digits): the wallet answered something else. */
export class InvalidAddressError extends TpError {
  override name = 'InvalidAddressError';
  override readonly code = 'widget/invalid-address';

  constructor({ address }: { address: string }) {
    super({
      code: 'widget/invalid-address',
      shortMessage: 'Not an address: 0x and 40 hex digits expected.',
      details: { address: address.slice(0, 100) },
    });
  }
}

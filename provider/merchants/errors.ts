import { TpError } from '../../shared/errors/TpError.ts';

export class InvalidMerchantNameError extends TpError {
  override name = 'InvalidMerchantNameError';
  override readonly code = 'merchant/invalid-name';

  constructor({ name, maxLength }: { name: unknown; maxLength: number }) {
    super({
      code: 'merchant/invalid-name',
      shortMessage: `A merchant name is 1 to ${maxLength} printable characters.`,
      details: { length: typeof name === 'string' ? name.length : typeof name, maxLength },
    });
  }
}

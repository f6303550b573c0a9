import { TpError } from '../../shared/errors/TpError.ts';

export class InvalidConfigError extends TpError {
  override name = 'InvalidConfigError';
  constructor({
    variable,
    value,
    expected,
  }: {
    variable: string;
    value: string;
    expected: string;
  }) {
    super({
      code: 'config/invalid',
      shortMessage: `${variable}=${JSON.stringify(value)} is not valid: expected ${expected}.`,
      details: { variable, expected },
    });
  }
}

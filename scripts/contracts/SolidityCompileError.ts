import { TpError } from '../../shared/errors/TpError.ts';

export type SolidityCompileErrorParameters = {
  contract: string;
  /** solc's formatted messages, one per error. */
  errors: readonly string[];
};

/** solc-js refused to compile a contract; `details.errors` lists what it said. */
export class SolidityCompileError extends TpError {
  override name = 'SolidityCompileError';

  constructor({ contract, errors }: SolidityCompileErrorParameters) {
    super({
      code: 'contracts/compile-failed',
      shortMessage: `solc could not compile ${contract} (${errors.length} error${errors.length === 1 ? '' : 's'}).`,
      details: { contract, errors: errors.join('\n') },
    });
  }
}

import { TpError } from '../../shared/errors/TpError.ts';

export type AbiDriftErrorParameters = {
  contract: string;
  /** Entries the compiled contract has but the hand-kept `as const` ABI lacks. */
  missing: readonly string[];
  /** Entries the hand-kept ABI has but the compiled contract lacks (or declares differently). */
  unexpected: readonly string[];
};

/** The typed ABI kept in TypeScript no longer matches what solc compiled from the source. */
export class AbiDriftError extends TpError {
  override name = 'AbiDriftError';

  constructor({ contract, missing, unexpected }: AbiDriftErrorParameters) {
    super({
      code: 'contracts/abi-drift',
      shortMessage: `The typed ABI of ${contract} differs from the compiled one; update it from the compiler output.`,
      details: { contract, missing, unexpected },
    });
  }
}

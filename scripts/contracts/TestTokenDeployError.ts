import { TpError } from '../../shared/errors/TpError.ts';

export type TestTokenDeployErrorParameters = {
  step: 'derive-account' | 'deploy' | 'mint';
  symbol?: string;
  transactionHash?: string;
  cause?: unknown;
};

/** Deploying or funding the dev chain's test tokens did not complete. */
export class TestTokenDeployError extends TpError {
  override name = 'TestTokenDeployError';

  constructor({ step, symbol, transactionHash, cause }: TestTokenDeployErrorParameters) {
    super({
      code: 'contracts/test-token-deploy-failed',
      shortMessage: `Setting up the test tokens failed at step "${step}"${symbol === undefined ? '' : ` (${symbol})`}.`,
      details: { step, symbol, transactionHash },
      cause,
    });
  }
}

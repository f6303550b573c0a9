import { TpError } from '../../shared/errors/TpError.ts';

export class InvalidOrderTransitionError extends TpError {
  override name = 'InvalidOrderTransitionError';
  override readonly code = 'onramp/invalid-transition';

  constructor({ state, event }: { state: string; event: string }) {
    super({
      code: 'onramp/invalid-transition',
      shortMessage: `An on-ramp order in state ${state} cannot take the event ${event}.`,
      details: { state, event },
    });
  }
}

/** A webhook claims to come from an on-ramp but its signature does not check out. */
export class OnrampWebhookSignatureError extends TpError {
  override name = 'OnrampWebhookSignatureError';
  override readonly code = 'onramp/webhook-signature';

  constructor({ adapter, reason }: { adapter: string; reason: string }) {
    super({
      code: 'onramp/webhook-signature',
      shortMessage: `The ${adapter} webhook's signature is not valid: ${reason}.`,
      details: { adapter, reason },
    });
  }
}

/** A signed webhook whose body is not what the on-ramp documents (or of a kind we do not use). */
export class MalformedOnrampWebhookError extends TpError {
  override name = 'MalformedOnrampWebhookError';
  override readonly code = 'onramp/webhook-malformed';

  constructor({ adapter, field, cause }: { adapter: string; field: string; cause?: unknown }) {
    super({
      code: 'onramp/webhook-malformed',
      shortMessage: `The ${adapter} webhook has no usable ${field}.`,
      details: { adapter, field },
      cause,
    });
  }
}

/** An on-ramp's API did not give what we asked for (a widget URL, a token). */
export class OnrampAdapterRequestError extends TpError {
  override name = 'OnrampAdapterRequestError';
  override readonly code = 'onramp/adapter-request';

  constructor({
    adapter,
    step,
    status,
    cause,
  }: {
    adapter: string;
    step: string;
    status?: number;
    cause?: unknown;
  }) {
    super({
      code: 'onramp/adapter-request',
      shortMessage: `The ${adapter} API failed to ${step}.`,
      details: status === undefined ? { adapter, step } : { adapter, step, status },
      cause,
    });
  }
}

/** The operator's on-ramp settings (adapters, compliance file) are wrong; the provider must not start. */
export class InvalidOnrampConfigError extends TpError {
  override name = 'InvalidOnrampConfigError';
  override readonly code = 'onramp/invalid-config';

  constructor({ field, expected, cause }: { field: string; expected: string; cause?: unknown }) {
    super({
      code: 'onramp/invalid-config',
      shortMessage: `On-ramp setting ${field} is invalid: expected ${expected}.`,
      details: { field, expected },
      cause,
    });
  }
}

/** The public Hardhat keys move funds on a dev chain only. */
export class DevKeyOnForeignChainError extends TpError {
  override name = 'DevKeyOnForeignChainError';
  override readonly code = 'onramp/dev-key-on-foreign-chain';

  constructor({ chainId, address }: { chainId: number; address: string }) {
    super({
      code: 'onramp/dev-key-on-foreign-chain',
      shortMessage:
        `The sandbox funding key is a public Hardhat test key (${address}); it is refused on ` +
        `chain ${chainId}: use it on the dev chain (31337) only.`,
      details: { chainId, address },
    });
  }
}

/** Sending the bought tokens from the sandbox's funding account failed. */
export class SandboxFundingError extends TpError {
  override name = 'SandboxFundingError';
  override readonly code = 'onramp/sandbox-funding';

  constructor({ reason, txHash, cause }: { reason: string; txHash?: string; cause?: unknown }) {
    super({
      code: 'onramp/sandbox-funding',
      shortMessage: `The sandbox could not send the tokens: ${reason}.`,
      details: txHash === undefined ? { reason } : { reason, txHash },
      cause,
    });
  }
}

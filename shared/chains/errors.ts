import { TpError } from '../errors/TpError.ts';

/** The errors the chains module throws; each `code` is stable and part of the API. */

const maxEchoedLength = 80;

/** Echoes what the caller sent without copying a huge or non-string input into logs. */
function describeInput(input: unknown): string {
  switch (typeof input) {
    case 'string':
      return input.length <= maxEchoedLength
        ? JSON.stringify(input)
        : `${JSON.stringify(input.slice(0, maxEchoedLength))}… (${input.length} characters)`;
    case 'number':
    case 'bigint':
    case 'boolean':
    case 'undefined':
      return String(input);
    default:
      if (input === null) return 'null';
      return Array.isArray(input) ? `(array of ${input.length})` : `(${typeof input})`;
  }
}

/** Chain parameters (EIP-3085 `wallet_addEthereumChain`, or a chain client's set-up) are invalid. */
export class InvalidChainParamsError extends TpError {
  override name = 'InvalidChainParamsError';
  override readonly code = 'chain/invalid-params';
  /** The offending field as a path: `rpcUrls[1]`, `nativeCurrency.symbol`. */
  readonly param: string;

  constructor({
    param,
    expected,
    received,
  }: {
    param: string;
    expected: string;
    received: unknown;
  }) {
    // An unknown field's name is the page's own text: bounded like `received`.
    const shownParam =
      param.length <= maxEchoedLength ? param : `${param.slice(0, maxEchoedLength)}…`;
    super({
      code: 'chain/invalid-params',
      shortMessage: `Invalid chain parameter ${shownParam}: expected ${expected}.`,
      details: { param: shownParam, expected, received: describeInput(received) },
    });
    this.param = shownParam;
  }
}

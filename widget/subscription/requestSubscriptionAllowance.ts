import type { Eip1193Provider } from '../wallets/Eip1193Provider.ts';
import { buildExecutionPermissionRequest } from './buildExecutionPermissionRequest.ts';
import type { BuildExecutionPermissionRequestParameters } from './buildExecutionPermissionRequest.ts';

export type RequestSubscriptionAllowanceParameters = BuildExecutionPermissionRequestParameters & {
  provider: Eip1193Provider;
};
/**
 * `granted`: the wallet holds the allowance (TP Wallet also knows where the renewals are);
 * `granted-without-renewals`: granted, but only without TP's field, so renewals are by hand;
 * `unsupported`: the wallet has no ERC-7715, renewals are paid by hand.
 */
export type RequestSubscriptionAllowanceReturnType =
  'granted' | 'granted-without-renewals' | 'unsupported';

const methodNotFound = -32601;
const unsupportedMethod = 4200;
const invalidParams = -32602;

/**
 * Asks the wallet for the subscription's allowance. The shopper saying no (4001) and every other
 * failure are thrown as the wallet's error, so the checkout shows them as for a payment; a wallet
 * without the method answers -32601 or 4200, and the checkout goes on with a notice. A wallet
 * that refuses the params (-32602) is asked once more with the standard fields only.
 */
export async function requestSubscriptionAllowance({
  provider,
  ...parameters
}: RequestSubscriptionAllowanceParameters): Promise<RequestSubscriptionAllowanceReturnType> {
  const ask = (withExtension: boolean) =>
    provider.request({
      method: 'wallet_requestExecutionPermissions',
      params: [
        buildExecutionPermissionRequest(
          withExtension ? parameters : { ...parameters, subscription: undefined },
        ),
      ],
    });
  try {
    await ask(parameters.subscription !== undefined);
    return 'granted';
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === methodNotFound || code === unsupportedMethod) return 'unsupported';
    if (code !== invalidParams || parameters.subscription === undefined) throw error;
  }
  try {
    await ask(false);
    return 'granted-without-renewals';
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === methodNotFound || code === unsupportedMethod || code === invalidParams)
      return 'unsupported';
    throw error;
  }
}

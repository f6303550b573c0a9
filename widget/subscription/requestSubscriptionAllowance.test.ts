import { describe, expect, it } from 'vitest';
import type { SubscriptionGrant } from '../../shared/providerApi/Subscription.ts';
import type { Eip1193RequestArguments } from '../wallets/Eip1193Provider.ts';
import { subscriptionExtensionKey } from './buildExecutionPermissionRequest.ts';
import { requestSubscriptionAllowance } from './requestSubscriptionAllowance.ts';

const grant: SubscriptionGrant = {
  type: 'erc20-token-periodic',
  chain_id: 31337,
  asset: 'USDC',
  token_address: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  decimals: 6,
  recipient: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  period_amount: '11940000',
  period_duration: 2_419_200,
  start_time: 1_800_000_000,
  expiry: null,
  interval: 'month',
  interval_count: 1,
  grace_period_seconds: 259_200,
  allowance_margin_percent: 10,
};
const subscription = {
  providerUrl: 'http://127.0.0.1:8787',
  sessionId: 'cs_1',
  publishableKey: 'pk_test',
};

function wallet(answers: readonly unknown[]) {
  const calls: Eip1193RequestArguments[] = [];
  let index = 0;
  return {
    calls,
    provider: {
      request(args: Eip1193RequestArguments) {
        calls.push(args);
        const answer = answers[index++];
        return typeof answer === 'object' && answer !== null && 'code' in answer
          ? Promise.reject(Object.assign(new Error('wallet error'), answer))
          : Promise.resolve(answer);
      },
    },
  };
}

const ask = (provider: ReturnType<typeof wallet>['provider']) =>
  requestSubscriptionAllowance({
    provider,
    grant,
    account: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
    justification: 'Pro, monthly',
    subscription,
  });

describe('requestSubscriptionAllowance', () => {
  it('asks for the standard erc20-token-periodic permission with TP’s namespaced field', async () => {
    const { provider, calls } = wallet([[{ context: '0x01' }]]);
    expect(await ask(provider)).toBe('granted');
    expect(calls).toHaveLength(1);
    const [request] = calls[0]?.params as Record<string, unknown>[];
    expect(request).toMatchObject({
      chainId: '0x7a69',
      to: grant.recipient,
      permission: {
        type: 'erc20-token-periodic',
        isAdjustmentAllowed: false,
        data: {
          tokenAddress: grant.token_address,
          periodAmount: '0xb630a0',
          periodDuration: 2_419_200,
          startTime: 1_800_000_000,
        },
      },
      [subscriptionExtensionKey]: {
        version: 1,
        ...subscription,
        interval: 'month',
        intervalCount: 1,
        gracePeriodSeconds: 259_200,
      },
    });
    expect(request).not.toHaveProperty('rules');
  });

  it('falls back to renewals by hand when the wallet lacks the method', async () => {
    expect(await ask(wallet([{ code: -32601 }]).provider)).toBe('unsupported');
    expect(await ask(wallet([{ code: 4200 }]).provider)).toBe('unsupported');
  });

  it('asks again without the extension when the wallet refuses the params', async () => {
    const { provider, calls } = wallet([{ code: -32602 }, []]);
    expect(await ask(provider)).toBe('granted-without-renewals');
    const [second] = calls[1]?.params as Record<string, unknown>[];
    expect(second).not.toHaveProperty(subscriptionExtensionKey);
  });

  it('throws the shopper’s refusal as the wallet’s error', async () => {
    await expect(ask(wallet([{ code: 4001 }]).provider)).rejects.toMatchObject({ code: 4001 });
  });
});

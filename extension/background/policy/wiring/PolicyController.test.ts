import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { encodeFunctionData, erc20Abi } from 'viem';
import { devChainTokens } from '../../../../shared/chains/devChainTokens.ts';
import { extractSpend } from '../extractSpend.ts';
import { createMemoryStorageArea } from '../../wallet/StorageArea.ts';
import { PolicyController, policyStateFields } from './PolicyController.ts';
import { createPriceSource } from './createPriceSource.ts';

const origin = 'https://shop.example';
const now = () => new Date('2026-03-02T10:00:00Z');

function createController(local = createMemoryStorageArea()) {
  const controller = new PolicyController({
    local,
    now,
    prices: createPriceSource({ now }),
    ledgerName: `ledger-${crypto.randomUUID()}`,
    activityName: `activity-${crypto.randomUUID()}`,
  });
  return { controller, local };
}

describe('PolicyController', () => {
  it('starts with "Ask every time" for every site, in EUR, not frozen', async () => {
    const { controller } = createController();
    await controller.ready();
    expect(controller.state.currency).toBe('EUR');
    expect(controller.state.isFrozen).toBe(false);
    expect(controller.sitePolicy(origin)).toMatchObject({
      hasOwnPolicy: false,
      policy: { preset: 'ask', payments: 'confirm' },
    });
  });

  it('keeps a preset and the kill switch in storage.local, read back by the next worker', async () => {
    const { controller, local } = createController();
    await controller.setSitePreset({ origin, preset: 'trusted-shop' });
    await controller.setKillSwitch(true);
    const restarted = new PolicyController({
      local,
      now,
      prices: createPriceSource({ now }),
      ledgerName: `ledger-${crypto.randomUUID()}`,
      activityName: `activity-${crypto.randomUUID()}`,
    });
    await restarted.ready();
    expect(restarted.state.isFrozen).toBe(true);
    expect(restarted.sitePolicy(origin).policy.preset).toBe('trusted-shop');
  });

  it('the kill switch is in memory before the change resolves: the next decision sees it', async () => {
    const { controller } = createController();
    await controller.ready();
    const change = controller.setKillSwitch(true);
    await change;
    expect(controller.state.isFrozen).toBe(true);
  });

  it('refuses a malformed hand-edited policy whole and changes nothing', async () => {
    const { controller, local } = createController();
    await controller.setSitePreset({ origin, preset: 'micropayments' });
    const stored = structuredClone(local.items.get(policyStateFields.policy.key));
    await expect(
      controller.setSitePolicy(origin, { preset: 'custom', payments: 'sometimes' }),
    ).rejects.toMatchObject({ code: 'policy/invalid' });
    expect(local.items.get(policyStateFields.policy.key)).toEqual(stored);
    expect(controller.sitePolicy(origin).policy.preset).toBe('micropayments');
  });

  it('revoking a grant the site does not have is an error naming the field', async () => {
    const { controller } = createController();
    await expect(controller.revokeGrant(origin, 'nope')).rejects.toMatchObject({
      code: 'policy/invalid',
      details: { field: 'grantId' },
    });
  });

  it('a damaged stored policy falls back to asking every time', async () => {
    const local = createMemoryStorageArea();
    await local.set({ [policyStateFields.policy.key]: { version: 1, currency: 'EUR' } });
    const { controller } = createController(local);
    await controller.ready();
    expect(controller.state.sites.size).toBe(0);
    expect(controller.state.siteDefaults.preset).toBe('ask');
  });
});

describe('PolicyController after a worker restart', () => {
  it('releases what a dead worker reserved but never signed, and keeps what it sent', async () => {
    const local = createMemoryStorageArea();
    const names = {
      ledgerName: `ledger-${crypto.randomUUID()}`,
      activityName: `activity-${crypto.randomUUID()}`,
    };
    const open = () =>
      new PolicyController({ local, now, prices: createPriceSource({ now }), ...names });
    const first = open();
    await first.setSitePolicy(origin, {
      preset: 'custom',
      payments: 'auto',
      unprovable: 'confirm',
      limits: [],
      whenNotAllowed: 'block',
      confirmNewRecipients: false,
      grants: [],
    });
    const eurc = devChainTokens[1]?.address ?? '0x';
    const request = {
      origin,
      chainId: 31337,
      extraction: extractSpend({
        chainId: 31337,
        knownTokens: devChainTokens,
        transaction: {
          to: eurc,
          value: 0n,
          data: encodeFunctionData({
            abi: erc20Abi,
            functionName: 'transfer',
            args: ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8', 1_000_000n],
          }),
        },
      }),
    };
    const network = { chainId: 31337, nativeSymbol: 'ETH', tokens: devChainTokens };
    const reserve = () =>
      first.ledger.reserve({
        kind: 'transaction',
        policy: first.state,
        request,
        prices: first.prices(network),
        approvedAction: 'auto',
      });
    const unsent = await reserve();
    const sent = await reserve();
    await first.ledger.attachTransaction({
      reservationId: sent.reservation?.id ?? '',
      hash: `0x${'12'.repeat(32)}`,
      from: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
      nonce: 7,
    });
    first.ledger.close();
    first.activity.close();

    const second = open();
    await second.ready();
    expect(
      second.ledger.view.amountSince({ kind: 'site', origin }, 0, `31337:${eurc.toLowerCase()}`),
    ).toBe(1_000_000n);
    const records = second.ledger.list();
    expect(records.find((record) => record.id === unsent.reservation?.id)).toMatchObject({
      status: 'released',
      releaseReason: 'abandoned',
    });
    expect(records.find((record) => record.id === sent.reservation?.id)?.status).toBe('reserved');
  });
});

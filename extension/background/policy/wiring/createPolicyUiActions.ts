/**
 * The wallet pages' policy actions (shared/protocol/walletUiMessages.ts): the "Sites" page
 * (sites with their policy, usage per window, grants and last activity; presets, hand-edited
 * policies, grant revocation, disconnecting, the kill switch, wallet-wide caps) and the
 * "Activity" page. Trusted: the controller and stores. Not trusted: every param (from a UI
 * message; the worker has checked it comes from the wallet's own pages).
 */
import { knownNetworks } from '../../../../shared/chains/networks.ts';
import { TpError } from '../../../../shared/errors/TpError.ts';
import type {
  ActivityEntryView,
  SiteView,
  SitesOverview,
} from '../../../../shared/protocol/policyMessages.ts';
import type { WalletUiActions } from '../../../../shared/protocol/walletUiMessages.ts';
import type { NetworkStore } from '../../dapp/NetworkStore.ts';
import type { SitePermissions } from '../../dapp/SitePermissions.ts';
import type { PriceQuote, PriceSnapshot } from '../PriceSnapshot.ts';
import type { PolicyController } from './PolicyController.ts';
import { buildSiteView } from './buildSiteView.ts';
import type { SiteFacts } from './buildSiteView.ts';
import { buildSitesOverview } from './buildSitesOverview.ts';
import { createAssetNames } from './createAssetNames.ts';
import { createPriceSettingsUiActions } from './createPriceSettingsUiActions.ts';
import { listWalletNetworks } from './listWalletNetworks.ts';
import { readActivityStatus } from './readActivityStatus.ts';
import { toProviderRpcError } from '../toProviderRpcError.ts';

export type PolicyUiAction =
  | 'listSites'
  | 'getSite'
  | 'setSitePreset'
  | 'setSitePolicy'
  | 'revokeGrant'
  | 'disconnectSite'
  | 'setKillSwitch'
  | 'setWalletLimits'
  | 'getPriceSettings'
  | 'setPriceSettings'
  | 'listActivity';

export type PolicyUiActions = {
  readonly [Action in PolicyUiAction]: (
    params: Record<string, unknown>,
  ) => Promise<WalletUiActions[Action]['result']>;
};

export type CreatePolicyUiActionsParameters = {
  readonly controller: PolicyController;
  readonly permissions: SitePermissions;
  readonly networks: NetworkStore;
  /** Tells a site its accounts changed (disconnect). */
  readonly onDisconnect: (origin: string) => void;
  readonly now: () => Date;
};
export type CreatePolicyUiActionsReturnType = PolicyUiActions;

const presets = ['ask', 'trusted-shop', 'micropayments', 'subscriptions'] as const;

export function createPolicyUiActions({
  controller,
  permissions,
  networks,
  onDisconnect,
  now,
}: CreatePolicyUiActionsParameters): CreatePolicyUiActionsReturnType {
  const context = async () => {
    await controller.ready();
    const list = await networks.list();
    const quotes = new Map<string, PriceQuote>();
    for (const network of list)
      for (const [key, quote] of controller.prices(network).quotes) quotes.set(key, quote);
    return {
      names: createAssetNames(list),
      prices: { currency: controller.state.currency, quotes } satisfies PriceSnapshot,
      at: now().getTime(),
    };
  };
  const siteFacts = async (): Promise<Map<string, SiteFacts>> => {
    const [connected, lastActivity] = await Promise.all([
      permissions.list(),
      controller.activity.lastActivityByOrigin(),
    ]);
    const facts = new Map<string, SiteFacts>();
    for (const [origin, permission] of Object.entries(connected))
      facts.set(origin, { accounts: permission.accounts });
    for (const [origin, lastActivityAt] of lastActivity)
      facts.set(origin, { ...facts.get(origin), lastActivityAt });
    return facts;
  };
  const overview = async (): Promise<SitesOverview> => {
    const { names, prices, at } = await context();
    return buildSitesOverview({
      policy: controller.state,
      ledger: controller.ledger.view,
      prices,
      names,
      facts: await siteFacts(),
      now: at,
    });
  };
  const site = async (origin: string): Promise<SiteView> => {
    const { names, prices, at } = await context();
    return buildSiteView({
      policy: controller.state,
      ledger: controller.ledger.view,
      prices,
      names,
      origin,
      facts: (await siteFacts()).get(origin) ?? {},
      now: at,
    });
  };
  const change = async <Result>(run: () => Promise<Result>): Promise<Result> => {
    try {
      return await run();
    } catch (error) {
      const mapped = toProviderRpcError({ error }) ?? error;
      throw mapped instanceof TpError
        ? new TpError({
            code: 'wallet/invalid-params',
            shortMessage: mapped.shortMessage,
            details: mapped.details,
          })
        : mapped;
    }
  };

  return {
    ...createPriceSettingsUiActions({ controller, networks, now }),
    listSites: () => overview(),
    getSite: async (params) => ({
      site: await site(readOrigin(params.origin)),
      networks: listWalletNetworks({ networks: await networks.list(), builtins: knownNetworks }),
    }),
    setSitePreset: async (params) => {
      const origin = readOrigin(params.origin);
      const preset = params.preset;
      if (typeof preset !== 'string' || !(presets as readonly string[]).includes(preset))
        throw invalid('preset', `Choose one of: ${presets.join(', ')}.`);
      await change(() =>
        controller.setSitePreset({
          origin,
          preset: preset as (typeof presets)[number],
          ...(params.perPayment === undefined
            ? {}
            : { perPayment: readMinorUnits(params.perPayment, 'perPayment') }),
          ...(params.perDay === undefined
            ? {}
            : { perDay: readMinorUnits(params.perDay, 'perDay') }),
        }),
      );
      return { site: await site(origin) };
    },
    setSitePolicy: async (params) => {
      const origin = readOrigin(params.origin);
      await change(() => controller.setSitePolicy(origin, params.policy));
      return { site: await site(origin) };
    },
    revokeGrant: async (params) => {
      const origin = readOrigin(params.origin);
      if (typeof params.grantId !== 'string') throw invalid('grantId', 'Expected a grant id.');
      const grantId = params.grantId;
      await change(() => controller.revokeGrant(origin, grantId));
      return null;
    },
    disconnectSite: async (params) => {
      const origin = readOrigin(params.origin);
      if (params.forgetPolicy !== undefined && typeof params.forgetPolicy !== 'boolean')
        throw invalid('forgetPolicy', 'Expected true or false.');
      await permissions.revoke(origin);
      onDisconnect(origin);
      if (params.forgetPolicy === true) await change(() => controller.forgetSite(origin));
      return null;
    },
    setKillSwitch: async (params) => {
      if (typeof params.isFrozen !== 'boolean')
        throw invalid('isFrozen', 'Expected true or false.');
      await controller.setKillSwitch(params.isFrozen);
      return null;
    },
    setWalletLimits: async (params) => {
      await change(() => controller.setWalletLimits(params.walletLimits));
      return overview();
    },
    listActivity: async (params) => {
      await controller.ready();
      const limit = params.limit ?? 50;
      if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 200)
        throw invalid('limit', 'Expected a whole number from 1 to 200.');
      const before = params.before;
      if (before !== undefined && (typeof before !== 'number' || !Number.isFinite(before)))
        throw invalid('before', 'Expected a time in milliseconds.');
      const { entries, hasMore } = await controller.activity.list({
        ...(params.origin === undefined ? {} : { origin: readOrigin(params.origin) }),
        limit,
        ...(before === undefined ? {} : { before }),
      });
      const reservations = new Map(
        controller.ledger
          .list({ limit: Number.POSITIVE_INFINITY })
          .map((reservation) => [reservation.id, reservation]),
      );
      return {
        entries: entries.map((record): ActivityEntryView => {
          const { reservationId, ...entry } = record;
          const reservation =
            reservationId === undefined ? undefined : reservations.get(reservationId);
          return { ...entry, status: readActivityStatus(record, reservation) };
        }),
        networks: listWalletNetworks({ networks: await networks.list(), builtins: knownNetworks }),
        hasMore,
      };
    },
  };
}

/** An exact origin as the browser writes it (`https://shop.example`). */
function readOrigin(value: unknown): string {
  if (typeof value === 'string' && value.length <= 2048) {
    try {
      const url = new URL(value);
      if (url.origin === value && url.origin !== 'null') return value;
    } catch {
      // Falls through to the error.
    }
  }
  throw invalid('origin', 'Expected an exact origin like "https://shop.example".');
}

function readMinorUnits(value: unknown, param: string): bigint {
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,30}$/.test(value))
    throw invalid(param, `Expected "${param}" as a whole number of minor units above 0, as text.`);
  return BigInt(value);
}

function invalid(param: string, message: string): TpError {
  return new TpError({ code: 'wallet/invalid-params', shortMessage: message, details: { param } });
}

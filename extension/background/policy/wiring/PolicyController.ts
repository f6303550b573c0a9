/**
 * The policy module of the service worker (MetaMask/core style: one state, one update path,
 * typed events). It holds the user's spending policy (storage.local), the spending ledger
 * (IndexedDB, atomic reserve / settle / release), the price source and the activity log, and
 * answers `Policy:*` actions for the request handler and the wallet's own pages.
 *
 * Trusted: the browser storage and clock passed in, and the callers (the worker). Not trusted:
 * policies and grants sent by the UI (parsed with `parsePolicy`, refused whole if anything is
 * off). The kill switch and every other change are in memory before `update` resolves, so the
 * very next decision sees them. A new site has no policy of its own: it follows `siteDefaults`
 * ("Ask every time").
 */
import type { Decision } from '../Decision.ts';
import type { Rate } from '../../../../shared/money/Rate.ts';
import { CurrencyConversionRequiredError, InvalidPolicyError } from '../errors.ts';
import type { PolicyLedger } from '../openPolicyLedger.ts';
import { openPolicyLedger } from '../openPolicyLedger.ts';
import type { Grant, PolicyPreset, PolicyState, SitePolicy } from '../Policy.ts';
import type { PolicyRequest } from '../PolicyRequest.ts';
import type { PriceSnapshot } from '../PriceSnapshot.ts';
import { addGrant } from '../addGrant.ts';
import { convertPolicyCurrency } from '../convertPolicyCurrency.ts';
import { countFiatLimits } from '../countFiatLimits.ts';
import { createDefaultPolicy } from '../createDefaultPolicy.ts';
import { createSitePolicy } from '../createSitePolicy.ts';
import { parsePolicy } from '../parsePolicy.ts';
import { serializePolicy } from '../serializePolicy.ts';
import type { StorageArea } from '../../wallet/StorageArea.ts';
import type { ActivityLog } from './openActivityLog.ts';
import { openActivityLog } from './openActivityLog.ts';
import type { PricedNetwork, PriceSettings, PriceSource } from './createPriceSource.ts';
import { readPriceSettings } from './readPriceSettings.ts';

/**
 * Per state field: where it lives and whether it may appear in logs or debug snapshots. Storage
 * and redaction follow this table (nothing here is secret; the password never reaches policy).
 */
export const policyStateFields = {
  policy: { storage: 'local', key: 'spendingPolicy', isLoggable: true },
  priceSettings: { storage: 'local', key: 'priceSettings', isLoggable: true },
  ledger: { storage: 'indexeddb', key: 'tp-policy-ledger', isLoggable: true },
  activity: { storage: 'indexeddb', key: 'tp-activity', isLoggable: true },
} as const;

export type PolicyEvents = {
  /** The policy changed (a preset, a grant, the kill switch): the new state. */
  'Policy:changed': PolicyState;
};

export type PolicyControllerParameters = {
  readonly local: StorageArea;
  readonly now: () => Date;
  readonly prices: PriceSource;
  /** The wallet's fiat currency for a new policy. */
  readonly defaultCurrency?: string;
  /** IndexedDB names (tests use fresh ones). */
  readonly ledgerName?: string;
  readonly activityName?: string;
};

const unitRate: Rate = { numerator: 1n, denominator: 1n };

type Listener<Event extends keyof PolicyEvents> = (payload: PolicyEvents[Event]) => void;

export class PolicyController {
  readonly #deps: PolicyControllerParameters;
  #state: PolicyState | undefined;
  #ledger: PolicyLedger | undefined;
  #activity: ActivityLog | undefined;
  #ready: Promise<void> | undefined;
  /** Serializes read-modify-write of the policy. */
  #queue: Promise<unknown> = Promise.resolve();
  readonly #listeners = new Map<keyof PolicyEvents, Set<Listener<keyof PolicyEvents>>>();

  constructor(deps: PolicyControllerParameters) {
    this.#deps = deps;
  }

  /**
   * Loads the policy and opens the ledger and the activity log; releases reservations a dead
   * worker left without a transaction (nothing left the wallet for them). Idempotent.
   */
  ready(): Promise<void> {
    this.#ready ??= this.#load();
    return this.#ready;
  }

  async #load(): Promise<void> {
    const { local, now } = this.#deps;
    const stored = await local.get([
      policyStateFields.policy.key,
      policyStateFields.priceSettings.key,
    ]);
    this.#state = readStoredPolicy(
      stored[policyStateFields.policy.key],
      this.#deps.defaultCurrency ?? 'EUR',
    );
    this.#deps.prices.setSettings(readPriceSettings(stored[policyStateFields.priceSettings.key]));
    this.#ledger = await openPolicyLedger({
      name: this.#deps.ledgerName ?? policyStateFields.ledger.key,
      currency: this.#state.currency,
      now,
    });
    this.#activity = await openActivityLog({
      name: this.#deps.activityName ?? policyStateFields.activity.key,
    });
    // Anything reserved before this worker started and still without a transaction was never
    // signed and sent (the handler attaches the transaction before broadcasting it).
    // (Their activity entries, if any, read "failed" from the ledger: readActivityStatus.)
    await this.#ledger.releaseAbandoned({ olderThanMilliseconds: 0 });
  }

  /** The policy now (after `ready`). */
  get state(): PolicyState {
    if (this.#state === undefined) throw new Error('PolicyController used before ready()');
    return this.#state;
  }

  get ledger(): PolicyLedger {
    if (this.#ledger === undefined) throw new Error('PolicyController used before ready()');
    return this.#ledger;
  }

  get activity(): ActivityLog {
    if (this.#activity === undefined) throw new Error('PolicyController used before ready()');
    return this.#activity;
  }

  /** The site's own policy, or the defaults a new site follows. */
  sitePolicy(origin: string): { readonly policy: SitePolicy; readonly hasOwnPolicy: boolean } {
    const own = this.state.sites.get(origin);
    return own === undefined
      ? { policy: this.state.siteDefaults, hasOwnPolicy: false }
      : { policy: own, hasOwnPolicy: true };
  }

  /** Prices for `network` in the wallet's currency (or `currency`: a rate to suggest). */
  prices(network: PricedNetwork, currency: string = this.state.currency): PriceSnapshot {
    return this.#deps.prices.snapshot({ currency, network });
  }

  /** `Policy:decide`: what the policy says about a request now, without reserving anything. */
  decide(request: PolicyRequest, network: PricedNetwork): Decision {
    return this.ledger.decide({ policy: this.state, request, prices: this.prices(network) });
  }

  /**
   * The one path that changes the policy: `change` gets the current state and returns the next,
   * which is checked (`parsePolicy`), kept in memory at once and written to storage.local.
   */
  update(change: (policy: PolicyState) => PolicyState): Promise<PolicyState> {
    const next = this.#queue.then(async () => {
      await this.ready();
      const checked = parsePolicy(change(this.state));
      this.#state = checked;
      await this.#deps.local.set({ [policyStateFields.policy.key]: serializePolicy(checked) });
      this.#emit('Policy:changed', checked);
      return checked;
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }

  setKillSwitch(isFrozen: boolean): Promise<PolicyState> {
    return this.update((policy) => ({ ...policy, isFrozen }));
  }

  setSitePreset({
    origin,
    preset,
    perPayment,
    perDay,
  }: {
    origin: string;
    preset: Exclude<PolicyPreset, 'custom'>;
    perPayment?: bigint;
    perDay?: bigint;
  }): Promise<PolicyState> {
    return this.update((policy) => {
      const grants = policy.sites.get(origin)?.grants ?? [];
      const sites = new Map(policy.sites);
      sites.set(
        origin,
        createSitePolicy({
          preset,
          currency: policy.currency,
          grants,
          ...(perPayment === undefined ? {} : { perPayment }),
          ...(perDay === undefined ? {} : { perDay }),
        }),
      );
      return { ...policy, sites };
    });
  }

  /** Replaces a site's policy (already a checked `SitePolicy` or JSON `parsePolicy` reads). */
  setSitePolicy(origin: string, site: unknown): Promise<PolicyState> {
    return this.update((policy) => {
      const serialized = serializePolicy(policy);
      return parsePolicy({
        ...serialized,
        sites: { ...(serialized.sites as Record<string, unknown>), [origin]: site },
      });
    });
  }

  /** Drops a site's own policy and grants: it follows the defaults again. */
  forgetSite(origin: string): Promise<PolicyState> {
    return this.update((policy) => {
      const sites = new Map(policy.sites);
      sites.delete(origin);
      return { ...policy, sites };
    });
  }

  /** Adds grants to a site's policy (made from the defaults when it has none). */
  addGrants(origin: string, grants: readonly Grant[]): Promise<PolicyState> {
    return this.update((policy) =>
      grants.reduce((current, grant) => addGrant({ policy: current, origin, grant }), policy),
    );
  }

  /** Removes one grant; payments under it stop with the next request. */
  revokeGrant(origin: string, grantId: string): Promise<PolicyState> {
    return this.update((policy) => {
      const site = policy.sites.get(origin);
      if (site?.grants.some((grant) => grant.id === grantId) !== true)
        throw new InvalidPolicyError({
          field: 'grantId',
          expected: 'the id of a grant of this site',
        });
      const sites = new Map(policy.sites);
      sites.set(origin, { ...site, grants: site.grants.filter((grant) => grant.id !== grantId) });
      return { ...policy, sites };
    });
  }

  /** Replaces the wallet-wide caps (JSON limits, checked by `parsePolicy`). */
  setWalletLimits(walletLimits: unknown): Promise<PolicyState> {
    return this.update((policy) => parsePolicy({ ...serializePolicy(policy), walletLimits }));
  }

  /**
   * Changes the wallet's fiat currency. Fiat caps are amounts in the wallet's currency, so with
   * any set (`countFiatLimits`), `rate` (one old unit in new units, as the user confirmed it)
   * is required and every fiat amount is converted (`convertPolicyCurrency`); without it the
   * change is refused (`CurrencyConversionRequiredError`): a cap never silently means another
   * amount. Spends already counted are valued again at current prices in the new currency.
   */
  setCurrency({ currency, rate }: { currency: string; rate?: Rate }): Promise<PolicyState> {
    return this.update((policy) => {
      if (currency === policy.currency) return policy;
      const fiatLimitCount = countFiatLimits(policy);
      if (fiatLimitCount === 0) return convertPolicyCurrency({ policy, currency, rate: unitRate });
      if (rate === undefined)
        throw new CurrencyConversionRequiredError({
          from: policy.currency,
          to: currency,
          fiatLimitCount,
        });
      return convertPolicyCurrency({ policy, currency, rate });
    });
  }

  /** The price settings as stored (a provider URL, the user's own rates). */
  async storedPriceSettings(): Promise<PriceSettings> {
    const key = policyStateFields.priceSettings.key;
    return readPriceSettings((await this.#deps.local.get([key]))[key]);
  }

  async setPriceSettings(settings: PriceSettings): Promise<void> {
    this.#deps.prices.setSettings(settings);
    await this.#deps.local.set({ [policyStateFields.priceSettings.key]: settings });
  }

  subscribe<Event extends keyof PolicyEvents>(event: Event, listener: Listener<Event>): () => void {
    const listeners = this.#listeners.get(event) ?? new Set();
    listeners.add(listener as Listener<keyof PolicyEvents>);
    this.#listeners.set(event, listeners);
    return () => listeners.delete(listener as Listener<keyof PolicyEvents>);
  }

  #emit<Event extends keyof PolicyEvents>(event: Event, payload: PolicyEvents[Event]): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch {
        // A listener's failure is its own: the change is made.
      }
    }
  }
}

/** The stored policy, or a new one ("Ask every time" everywhere) when none or unreadable. */
function readStoredPolicy(stored: unknown, defaultCurrency: string): PolicyState {
  if (stored === undefined) return createDefaultPolicy({ currency: defaultCurrency });
  try {
    return parsePolicy(stored);
  } catch {
    // A damaged policy must not pay anything automatically: start over from "ask every time".
    return createDefaultPolicy({ currency: defaultCurrency });
  }
}

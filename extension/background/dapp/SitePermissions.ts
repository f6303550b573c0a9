/**
 * EIP-2255 permissions per site: which accounts a site (exact origin) may see. Stored in
 * `storage.local`; the origin key always comes from the browser (resolveSenderOrigin).
 */
import { getAddress } from 'viem';
import type { Address } from 'viem';
import type { StorageArea } from '../wallet/StorageArea.ts';

export type SitePermission = { readonly accounts: readonly Address[]; readonly grantedAt: number };

/** The shape `wallet_getPermissions` returns (EIP-2255). */
export type Eip2255Permission = {
  readonly invoker: string;
  readonly parentCapability: 'eth_accounts';
  readonly caveats: readonly {
    readonly type: 'restrictReturnedAccounts';
    readonly value: readonly Address[];
  }[];
  readonly date: number;
};

const storageKey = 'sitePermissions';

export class SitePermissions {
  readonly #local: StorageArea;
  constructor(local: StorageArea) {
    this.#local = local;
  }

  async get(origin: string): Promise<SitePermission | undefined> {
    return (await this.#readAll())[origin];
  }

  /** Every connected site, by origin (the "Sites" page). */
  list(): Promise<Record<string, SitePermission>> {
    return this.#readAll();
  }

  async grant(origin: string, accounts: readonly Address[], now: number): Promise<SitePermission> {
    const all = await this.#readAll();
    const permission: SitePermission = {
      accounts: accounts.map((account) => getAddress(account)),
      grantedAt: now,
    };
    await this.#local.set({ [storageKey]: { ...all, [origin]: permission } });
    return permission;
  }

  async revoke(origin: string): Promise<void> {
    const { [origin]: _removed, ...rest } = await this.#readAll();
    await this.#local.set({ [storageKey]: rest });
  }

  async #readAll(): Promise<Record<string, SitePermission>> {
    const stored = (await this.#local.get([storageKey]))[storageKey];
    return typeof stored === 'object' && stored !== null
      ? (stored as Record<string, SitePermission>)
      : {};
  }
}

export function toEip2255Permissions(
  origin: string,
  permission: SitePermission | undefined,
): Eip2255Permission[] {
  if (permission === undefined) return [];
  return [
    {
      invoker: origin,
      parentCapability: 'eth_accounts',
      caveats: [{ type: 'restrictReturnedAccounts', value: permission.accounts }],
      date: permission.grantedAt,
    },
  ];
}

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from '../../provider/config/readConfig.ts';
import { migrate } from '../../provider/db/migrate.ts';
import { openDatabase } from '../../provider/db/openDatabase.ts';
import { createMerchant } from '../../provider/merchants/createMerchant.ts';
import { publishableKeyPattern, secretKeyPattern } from '../../provider/merchants/merchantKeys.ts';

/** `<dataDir>/merchant.json`: the demo shop's merchant, for the shop, the tests and you. */
export type DemoMerchant = {
  readonly merchantId: string;
  readonly name: string;
  /** `sk_…`: a development key of a local stack; the file is readable by its owner only. */
  readonly secretKey: string;
  readonly publishableKey: string;
};

export type WriteDemoMerchantParameters = {
  readonly dataDir: string;
  /** Create a new merchant even if the file has one (its keys were refused). */
  readonly isReplacing?: boolean;
};

export type WriteDemoMerchantReturnType = { merchant: DemoMerchant; merchantFile: string };

/**
 * The demo merchant of the stack in `dataDir`: the one in `merchant.json` if there is one, else
 * a new one created in the provider's database and written there. Runs while the provider is
 * stopped: the embedded PGlite may be opened by one process at a time.
 */
export async function writeDemoMerchant({
  dataDir,
  isReplacing = false,
}: WriteDemoMerchantParameters): Promise<WriteDemoMerchantReturnType> {
  const merchantFile = join(dataDir, 'merchant.json');
  const existing = isReplacing ? undefined : readDemoMerchant(merchantFile);
  if (existing !== undefined) return { merchant: existing, merchantFile };

  const config = readConfig({ ...process.env, DATA_DIR: dataDir });
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: join(config.dataDir, 'provider-db'),
  });
  try {
    await migrate({ db });
    const created = await createMerchant({ db, name: 'Demo shop', now: () => new Date() });
    const merchant: DemoMerchant = {
      merchantId: created.merchant.id,
      name: created.merchant.name,
      secretKey: created.secretKey,
      publishableKey: created.publishableKey,
    };
    writeFileSync(merchantFile, `${JSON.stringify(merchant, null, 2)}\n`, { mode: 0o600 });
    return { merchant, merchantFile };
  } finally {
    await db.close();
  }
}

function readDemoMerchant(merchantFile: string): DemoMerchant | undefined {
  if (!existsSync(merchantFile)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(merchantFile, 'utf8')) as Partial<DemoMerchant>;
    const { merchantId, name, secretKey, publishableKey } = parsed;
    if (
      typeof merchantId !== 'string' ||
      typeof name !== 'string' ||
      typeof secretKey !== 'string' ||
      typeof publishableKey !== 'string' ||
      !secretKeyPattern.test(secretKey) ||
      !publishableKeyPattern.test(publishableKey)
    ) {
      return undefined;
    }
    return { merchantId, name, secretKey, publishableKey };
  } catch {
    return undefined;
  }
}

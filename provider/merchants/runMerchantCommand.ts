import { parseArgs } from 'node:util';
import type { Database } from '../db/Database.ts';
import { createMerchant } from './createMerchant.ts';

export type RunMerchantCommandParameters = {
  /** What follows `merchant` on the command line: `create --name "Shop" [--json]`. */
  args: readonly string[];
  /** Opens (and migrates) the database, only once the arguments are known to be right. */
  database: () => Promise<Database>;
  now: () => Date;
  write: (text: string) => void;
  writeError: (text: string) => void;
};

/** 0: done; 2: a usage error (the usage was written). */
export type RunMerchantCommandReturnType = 0 | 2;

export const merchantUsage = `usage: npm run provider -- merchant create --name <name> [--json]

  Registers a merchant and prints its keys. The secret key (sk_…) is shown once: only its
  SHA-256 is stored. The publishable key (pk_…) goes into the merchant's pages.`;

/** `merchant create`: the CLI's way to add a merchant (there is no HTTP route for it). */
export async function runMerchantCommand({
  args,
  database,
  now,
  write,
  writeError,
}: RunMerchantCommandParameters): Promise<RunMerchantCommandReturnType> {
  const [subcommand, ...rest] = args;
  let name: string | undefined;
  let isJson = false;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { name: { type: 'string' }, json: { type: 'boolean' } },
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new Error('unexpected arguments');
    name = values.name;
    isJson = values.json === true;
  } catch {
    name = undefined;
  }
  if (subcommand !== 'create' || name === undefined) {
    writeError(`${merchantUsage}\n`);
    return 2;
  }
  const db = await database();
  const { merchant, secretKey, publishableKey } = await createMerchant({ db, name, now });
  if (isJson) {
    write(
      `${JSON.stringify({ id: merchant.id, name: merchant.name, secretKey, publishableKey })}\n`,
    );
    return 0;
  }
  write(`Merchant ${merchant.id} created (${JSON.stringify(merchant.name)}).

  secret key       ${secretKey}
                   shown once: only its hash is stored; keep it on your server
  publishable key  ${publishableKey}
                   for your pages (<tp-checkout publishable-key=…>)
`);
  return 0;
}

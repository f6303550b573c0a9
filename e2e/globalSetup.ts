import { rmSync } from 'node:fs';
import { readStackPorts } from '../scripts/stack/readStackPorts.ts';
import { startStack } from '../scripts/stack/startStack.ts';

// Test ports differ from `npm start`'s, so the tests run beside a developer's own stack.
const e2ePorts = { chain: 18545, provider: 18787, shop: 15173 };
// E2E_DATA_DIR and E2E_*_PORT let two runs share one machine (each with its own stack).
const e2eDataDir = process.env.E2E_DATA_DIR ?? '.data/e2e';

/** Starts one fresh local stack for the whole run; returns its teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  rmSync(e2eDataDir, { recursive: true, force: true });
  const stack = await startStack({
    ports: readStackPorts(
      {
        CHAIN_PORT: process.env.E2E_CHAIN_PORT,
        PROVIDER_PORT: process.env.E2E_PROVIDER_PORT,
        SHOP_PORT: process.env.E2E_SHOP_PORT,
      },
      e2ePorts,
    ),
    dataDir: e2eDataDir,
  });
  process.env.TP_STACK_FILE = stack.stackFile;
  return () => stack.stop();
}

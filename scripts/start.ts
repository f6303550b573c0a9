// `npm start`: the whole local stack on this machine, no accounts anywhere.
import { existsSync } from 'node:fs';
import { TpError } from '../shared/errors/TpError.ts';
import { readStackPorts } from './stack/readStackPorts.ts';
import { startStack } from './stack/startStack.ts';

const startedAt = performance.now();
const verbose = process.argv.includes('--verbose');

if (!existsSync('dist/extension/manifest.json') || !existsSync('dist/widget/checkout.js')) {
  console.error(
    'The extension and widget are not built yet: run `npm run build` (npm start does it for you).',
  );
  process.exit(1);
}

try {
  const stack = await startStack({
    ports: readStackPorts(process.env),
    dataDir: process.env.DATA_DIR ?? '.data',
    log: verbose
      ? (service, line) => {
          console.log(`[${service}] ${line}`);
        }
      : undefined,
  });
  const { info } = stack;
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(`
TP Pay local stack is up (${seconds} s)

  Dev chain     ${info.rpcUrl}  (chainId ${info.chainId})
  Provider API  ${info.providerUrl}  (health: ${info.providerUrl}/healthz, API docs: ${info.providerUrl}/openapi.json)
  Demo shop     ${info.shopUrl}
  Stack info    ${stack.stackFile}

  Test tokens   ${Object.entries(info.tokens)
    .map(([symbol, token]) => `${symbol} ${token.address}`)
    .join('\n                ')}

  TP Wallet (unpacked): ${info.extensionDir}
    Load it in Chrome: open chrome://extensions, switch on "Developer mode",
    click "Load unpacked" and pick the folder above.

Press Ctrl-C to stop everything.`);

  let isStopping = false;
  const shutDown = (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    console.log(`\n${signal}: stopping the stack…`);
    void stack.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', () => {
    shutDown('SIGINT');
  });
  process.on('SIGTERM', () => {
    shutDown('SIGTERM');
  });
} catch (error) {
  console.error(error instanceof TpError ? `npm start failed: ${error.message}` : error);
  process.exit(1);
}

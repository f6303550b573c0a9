import { TpError } from '../../shared/errors/TpError.ts';

export type StackPorts = {
  readonly chain: number;
  readonly provider: number;
  readonly shop: number;
};

export const defaultStackPorts: StackPorts = { chain: 8545, provider: 8787, shop: 5173 };

/** Ports from CHAIN_PORT / PROVIDER_PORT / SHOP_PORT, else the given defaults. */
export function readStackPorts(
  env: NodeJS.ProcessEnv,
  defaults: StackPorts = defaultStackPorts,
): StackPorts {
  return {
    chain: readPort(env, 'CHAIN_PORT', defaults.chain),
    provider: readPort(env, 'PROVIDER_PORT', defaults.provider),
    shop: readPort(env, 'SHOP_PORT', defaults.shop),
  };
}

function readPort(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65_535) {
    throw new TpError({
      code: 'stack/bad-port',
      shortMessage: `${name} must be a port number between 1 and 65535.`,
      details: { name, value: text },
    });
  }
  return port;
}

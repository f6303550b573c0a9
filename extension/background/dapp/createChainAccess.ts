/**
 * The dapp handler's view of one network: the chain client (failover and health tracking across
 * the network's endpoints) and the nonce manager, kept for the worker's lifetime so health and
 * handed-out nonces carry from one request to the next. Chain errors become EIP-1193 errors.
 */
import type { Address } from 'viem';
import { ProviderRpcError } from '../../../shared/errors/ProviderRpcError.ts';
import { TpError } from '../../../shared/errors/TpError.ts';
import { findChainClient, getChainClient } from '../chain/getChainClient.ts';
import type { ChainClient } from '../chain/createChainClient.ts';
import { createNonceManager } from '../chain/createNonceManager.ts';
import { verifyRpcChainId } from '../chain/verifyRpcChainId.ts';
import type { ChainAccess } from './DappRequestHandler.ts';
import type { WalletNetwork } from './NetworkStore.ts';

const nonces = createNonceManager({
  getPendingNonce: ({ chainId, address }) =>
    clientFor(chainId).getTransactionCount(address, 'pending'),
  now: () => Date.now(),
});

function clientFor(chainId: number): ChainClient {
  const client = findChainClient(chainId);
  if (client === undefined)
    throw new ProviderRpcError('chainDisconnected', `Not connected to chain ${chainId}.`);
  return client;
}

export function createChainAccess(network: WalletNetwork): ChainAccess {
  const chain = getChainClient(network);
  const { chainId } = network;
  return {
    request: (method, params) => mapChainErrors(() => chain.request({ method, params })),
    estimateGas: (transaction) => mapChainErrors(() => chain.estimateGas(transaction)),
    estimateFees: () => mapChainErrors(() => chain.estimateFees()),
    reserveNonce: (address: Address) => mapChainErrors(() => nonces.reserve(chainId, address)),
    releaseNonce: (address: Address, nonce: number) => {
      nonces.release(chainId, address, nonce);
    },
    sendRawTransaction: (serialized) => mapChainErrors(() => chain.sendRawTransaction(serialized)),
    verifyChainId: (rpcUrl, expectedChainId) =>
      mapChainErrors(() => verifyRpcChainId({ rpcUrl, expectedChainId, timeoutMs: 5_000 })),
  };
}

/** A node's refusal keeps its message; unreachable endpoints are 4901; a wrong chain id is -32602. */
async function mapChainErrors<Result>(run: () => Promise<Result>): Promise<Result> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof TpError)) throw error;
    switch (error.code) {
      case 'chain/rpc-unreachable':
        throw new ProviderRpcError('chainDisconnected', 'The network cannot be reached right now.');
      case 'chain/chain-id-mismatch':
        throw new ProviderRpcError('invalidParams', error.shortMessage, { param: 'rpcUrls' });
      case 'chain/rpc-error':
        throw new ProviderRpcError('internalError', error.shortMessage, error.details);
      default:
        throw error;
    }
  }
}

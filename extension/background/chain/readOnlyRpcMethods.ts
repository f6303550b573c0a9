/**
 * The JSON-RPC methods a site may have the wallet forward to the network unchanged: reads only.
 * Anything that signs, sends, or touches accounts is answered by the wallet itself; `eth_chainId`
 * and `net_version` are answered locally from the active network.
 */
export const readOnlyRpcMethods = [
  'eth_blockNumber',
  'eth_call',
  'eth_estimateGas',
  'eth_feeHistory',
  'eth_gasPrice',
  'eth_getBalance',
  'eth_getBlockByHash',
  'eth_getBlockByNumber',
  'eth_getCode',
  'eth_getLogs',
  'eth_getStorageAt',
  'eth_getTransactionByHash',
  'eth_getTransactionCount',
  'eth_getTransactionReceipt',
  'eth_maxPriorityFeePerGas',
] as const;

export type ReadOnlyRpcMethod = (typeof readOnlyRpcMethods)[number];

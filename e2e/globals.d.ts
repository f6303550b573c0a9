// What e2e page scripts see: an EIP-1193 provider on window (set by TP Wallet).
type Eip1193Provider = {
  request(args: { method: string; params?: readonly unknown[] | object }): Promise<unknown>;
};

interface Window {
  ethereum?: Eip1193Provider;
}

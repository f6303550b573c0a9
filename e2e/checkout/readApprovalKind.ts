import type { WalletDriver } from '../fixtures.ts';
/**
 * The kind of request in the newest approval window, or '' while none is readable: the window of
 * the previous request may close while it is being read.
 */
export async function readApprovalKind(wallet: WalletDriver): Promise<string> {
  try {
    return (await wallet.readApproval()).kind;
  } catch {
    return '';
  }
}

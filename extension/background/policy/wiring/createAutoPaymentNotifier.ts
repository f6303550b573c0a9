/**
 * Tells the user about payments the wallet made without a prompt (chrome.notifications), one
 * notification per site that is updated in place: many automatic payments in a row (a metered
 * site paying 50 times a second) make one notification with a count, never a flood. Each
 * payment also has its activity entry; the notification is only the heads-up.
 */
import { formatAmount } from '../../../../shared/money/formatAmount.ts';
import { fiatCurrency } from '../../../../shared/money/fiatCurrency.ts';
import type { AutoPaymentNotice } from './createDappPolicy.ts';
import { describeDecision } from './describeDecision.ts';

export type NotificationOptions = {
  readonly title: string;
  readonly message: string;
};

export type CreateAutoPaymentNotifierParameters = {
  /** Shows or replaces the notification with this id (chrome.notifications.create). */
  readonly show: (id: string, options: NotificationOptions) => void;
  readonly now: () => Date;
  /** Payments of one site within this time update one notification. */
  readonly coalesceMilliseconds?: number;
  /** At most one update of a site's notification this often; the last state always shows. */
  readonly throttleMilliseconds?: number;
};
export type CreateAutoPaymentNotifierReturnType = (notice: AutoPaymentNotice) => void;

export function createAutoPaymentNotifier({
  show,
  now,
  coalesceMilliseconds = 10_000,
  throttleMilliseconds = 1_000,
}: CreateAutoPaymentNotifierParameters): CreateAutoPaymentNotifierReturnType {
  const recent = new Map<string, { count: number; since: number }>();
  /** By origin: when its notification was last shown, and the update waiting to be shown. */
  const shown = new Map<
    string,
    { at: number; waiting?: NotificationOptions; timer?: ReturnType<typeof setTimeout> }
  >();
  const showThrottled = (origin: string, options: NotificationOptions, at: number): void => {
    const id = `tp-auto-payment|${origin}`;
    const last = shown.get(origin);
    if (last === undefined || at - last.at >= throttleMilliseconds) {
      if (last?.timer !== undefined) clearTimeout(last.timer);
      shown.set(origin, { at });
      show(id, options);
      return;
    }
    last.waiting = options;
    last.timer ??= setTimeout(
      () => {
        const pending = shown.get(origin);
        if (pending?.waiting === undefined) return;
        shown.set(origin, { at: now().getTime() });
        show(id, pending.waiting);
      },
      throttleMilliseconds - (at - last.at),
    );
  };
  return (notice) => {
    const at = now().getTime();
    const host = hostOf(notice.origin);
    const previous = recent.get(notice.origin);
    const isSameBurst = previous !== undefined && at - previous.since < coalesceMilliseconds;
    const count = isSameBurst ? previous.count + 1 : 1;
    recent.set(notice.origin, { count, since: isSameBurst ? previous.since : at });
    const what = describeSpends(notice);
    const title =
      count === 1
        ? `TP Wallet ${notice.kind === 'signature' ? 'signed' : 'paid'} automatically for ${host}`
        : `TP Wallet: ${count} automatic payments for ${host}`;
    const why = describeDecision({
      decision: notice.decision,
      origin: notice.origin,
      action: 'auto',
    });
    const message = [what, why].filter((part) => part.length > 0).join(' — ');
    showThrottled(notice.origin, { title, message: message.slice(0, 300) }, at);
  };
}

function describeSpends({ decision, names }: AutoPaymentNotice): string {
  const parts = decision.spends.map((spend) => {
    const name = names(spend);
    return name === undefined
      ? `${spend.amount.toString()} base units`
      : `${formatAmount(spend.amount, { kind: 'crypto', symbol: name.symbol, decimals: name.decimals })} ${name.symbol}`;
  });
  let total = 0n;
  for (const spend of decision.spends) total += spend.fiatValue ?? 0n;
  const fiat =
    decision.spends.length > 0 && decision.spends.every((spend) => spend.fiatValue !== undefined)
      ? ` (${formatAmount(total, fiatCurrency(decision.currency))} ${decision.currency})`
      : '';
  return parts.length === 0 ? '' : `${parts.join(' + ')}${fiat}`;
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

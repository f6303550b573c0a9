import { fiatCurrency } from '../../../shared/money/fiatCurrency.ts';
import type { Asset } from '../../../shared/money/Asset.ts';
import { formatAmountForDisplay } from '../../../shared/money/formatAmountForDisplay.ts';
import type { OnrampOrderRecord } from '../OnrampRecords.ts';
import type { SandboxCardField } from './readSandboxCard.ts';
import { sandboxTestCards } from './readSandboxCard.ts';
import { readSandboxState } from './readSandboxState.ts';

export type RenderSandboxPageParameters = {
  /** `undefined`: no such order. */
  order: OnrampOrderRecord | undefined;
  /** Errors of the card or challenge form just posted. */
  errors?: readonly { field: SandboxCardField | 'code'; message: string }[];
  /** Values to show again in the card form. */
  keep?: { name: string; expiry: string };
};
export type RenderSandboxPageReturnType = string;

/** Attempts allowed at the challenge before the order fails. */
export const sandboxChallengeAttempts = 3;
export const sandboxChallengeCode = '123456';

/**
 * The sandbox's hosted page for one order, whatever its state: card form, 3-D Secure-style
 * challenge, sending, completed, failed, expired. Plain HTML forms that work without script
 * (sandbox.js only polls while the tokens are on their way); every field labelled, errors listed
 * first and tied to their fields. Everything shown is escaped.
 */
export function renderSandboxPage({
  order,
  errors = [],
  keep,
}: RenderSandboxPageParameters): RenderSandboxPageReturnType {
  if (order === undefined) {
    return layout(
      'Order not found',
      '<h1>Order not found</h1><p>This on-ramp order does not exist.</p>',
    );
  }
  const quote = order.quote;
  const fiat = fiatCurrency(quote.fiatCurrency);
  const crypto = { kind: 'crypto' as const, symbol: quote.asset, decimals: quote.decimals };
  const show = (value: bigint, asset: Asset) =>
    formatAmountForDisplay(value, asset, { locale: 'en' });
  const buying = show(quote.cryptoAmount, crypto);
  const paying = show(quote.fiatAmountMinor, fiat);
  const summary = `
    <section aria-labelledby="summary-title" class="summary">
      <h2 id="summary-title">Your purchase</h2>
      <dl>
        <dt>You receive</dt><dd>${escape(buying)}</dd>
        <dt>To</dt><dd><code>${escape(quote.walletAddress)}</code> (chain ${quote.chainId})</dd>
        <dt>Price</dt><dd>${escape(show(quote.subtotalMinor, fiat))}</dd>
        <dt>Sandbox fee</dt><dd>${escape(show(quote.adapterFeeMinor, fiat))}</dd>
        <dt>Network fee</dt><dd>${escape(show(quote.networkFeeMinor, fiat))}</dd>
        <dt>You pay</dt><dd><strong>${escape(paying)}</strong></dd>
      </dl>
    </section>`;
  const state = readSandboxState(order.adapterState);
  const action = (path: string) => `/onramp/sandbox/${encodeURIComponent(order.id)}${path}`;

  switch (order.status) {
    case 'created':
      return layout(
        `Pay ${paying}`,
        `
        <h1>Buy ${escape(buying)}</h1>
        ${errorSummary(errors)}
        ${summary}
        <form method="post" action="${action('/card')}" novalidate>
          ${field({ id: 'name', label: 'Name on card', autocomplete: 'cc-name', value: keep?.name ?? '', errors })}
          ${field({ id: 'number', label: 'Card number', autocomplete: 'cc-number', inputmode: 'numeric', hint: 'Use a test card below.', errors })}
          ${field({ id: 'expiry', label: 'Expiry date (MM/YY)', autocomplete: 'cc-exp', inputmode: 'numeric', value: keep?.expiry ?? '', errors })}
          ${field({ id: 'cvc', label: 'Security code (CVC)', autocomplete: 'cc-csc', inputmode: 'numeric', errors })}
          <button type="submit">Pay ${escape(paying)}</button>
        </form>
        <section aria-labelledby="cards-title" class="test-cards">
          <h2 id="cards-title">Test cards</h2>
          <p>Any name, any future expiry date and any 3-digit code work.</p>
          <ul>${sandboxTestCards
            .map(
              (card) =>
                `<li><code>${escape(card.number.replace(/(\d{4})(?=\d)/g, '$1 '))}</code> ${escape(card.label)}</li>`,
            )
            .join('')}</ul>
        </section>`,
      );
    case 'pending':
      if (state.step === 'challenge') {
        const left = sandboxChallengeAttempts - state.attempts;
        const wrong =
          state.attempts > 0
            ? [
                {
                  field: 'code' as const,
                  message: `That code is wrong: ${left} ${left === 1 ? 'attempt' : 'attempts'} left.`,
                },
              ]
            : [];
        return layout(
          'Confirm your payment',
          `
          <h1>Confirm your payment</h1>
          ${errorSummary([...errors, ...wrong])}
          <p>Your bank asks you to confirm the payment of ${escape(paying)} with card ending ${escape(state.cardLast4 ?? '')}.</p>
          <form method="post" action="${action('/challenge')}" novalidate>
            ${field({ id: 'code', label: 'Confirmation code', autocomplete: 'one-time-code', inputmode: 'numeric', hint: `Sandbox: the code is ${sandboxChallengeCode}.`, errors: [...errors, ...wrong] })}
            <button type="submit">Confirm</button>
          </form>`,
        );
      }
      return layout(
        'Sending your tokens',
        `
        <h1>Payment accepted</h1>
        <p role="status" data-poll="${action('/status')}">Sending ${escape(buying)} to your wallet on the dev chain…</p>
        <noscript><p>This page does not refresh by itself without JavaScript: <a href="${action('')}">check again</a>.</p></noscript>
        ${summary}`,
      );
    case 'completed':
      return layout(
        'Purchase complete',
        `
        <h1>Purchase complete</h1>
        <p role="status" data-done>${escape(buying)} were sent to your wallet.</p>
        <p>Transaction: <code>${escape(order.txHash ?? '')}</code></p>
        ${order.redirectUrl === null ? '<p>You can close this window.</p>' : `<p><a href="${escape(order.redirectUrl)}">Return to the shop</a></p>`}`,
      );
    case 'failed':
      return layout(
        'Payment failed',
        `
        <h1>Payment failed</h1>
        <p role="alert" data-done>${escape(order.failure?.message ?? 'The payment failed.')}</p>
        <p>Nothing was sent. Close this window and try again with a new order.</p>`,
      );
    case 'expired':
      return layout(
        'Order expired',
        `
        <h1>Order expired</h1>
        <p role="alert" data-done>This order was not paid in time. Close this window and start again.</p>`,
      );
  }
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} – TP Pay sandbox on-ramp</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/onramp/sandbox/assets/sandbox.css">
<script src="/onramp/sandbox/assets/sandbox.js" defer></script>
</head>
<body>
<main>
<p class="banner">Sandbox: test cards only, no real money moves.</p>
${body}
</main>
</body>
</html>
`;
}

function errorSummary(errors: readonly { field: string; message: string }[]): string {
  if (errors.length === 0) return '';
  return `<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-title">
    <h2 id="error-title">There is a problem</h2>
    <ul>${errors.map(({ field, message }) => `<li><a href="#${field}">${escape(message)}</a></li>`).join('')}</ul>
  </div>`;
}

function field({
  id,
  label,
  autocomplete,
  inputmode,
  value = '',
  hint,
  errors,
}: {
  id: string;
  label: string;
  autocomplete: string;
  inputmode?: string;
  value?: string;
  hint?: string;
  errors: readonly { field: string; message: string }[];
}): string {
  const error = errors.find((candidate) => candidate.field === id);
  const described = [
    hint === undefined ? '' : `${id}-hint`,
    error === undefined ? '' : `${id}-error`,
  ]
    .filter((part) => part !== '')
    .join(' ');
  return `<div class="field${error === undefined ? '' : ' field-error'}">
    <label for="${id}">${escape(label)}</label>
    ${hint === undefined ? '' : `<p class="hint" id="${id}-hint">${escape(hint)}</p>`}
    ${error === undefined ? '' : `<p class="error" id="${id}-error">${escape(error.message)}</p>`}
    <input id="${id}" name="${id}" type="text" autocomplete="${autocomplete}"${inputmode === undefined ? '' : ` inputmode="${inputmode}"`} value="${escape(value)}"${described === '' ? '' : ` aria-describedby="${described}"`}${error === undefined ? '' : ' aria-invalid="true"'} required>
  </div>`;
}

function escape(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

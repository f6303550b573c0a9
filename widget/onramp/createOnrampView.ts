import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { CheckoutState, CheckoutStateName } from '../checkoutFlow/CheckoutState.ts';
import { fillMessage } from '../i18n/fillMessage.ts';
import type { FillMessageValues } from '../i18n/fillMessage.ts';
import { formatAssetAmount } from '../i18n/formatAssetAmount.ts';
import { formatFiatPrice } from '../i18n/formatFiatPrice.ts';
import type { CheckoutView, OnrampView } from '../tp-checkout/CheckoutView.ts';
import { renderBusy } from '../tp-checkout/renderBusy.ts';
import { renderButton } from '../tp-checkout/renderButton.ts';
import type { ButtonOptions } from '../tp-checkout/renderButton.ts';
import { renderErrorBlock } from '../tp-checkout/renderErrorBlock.ts';
import { renderHeading } from '../tp-checkout/renderHeading.ts';
import { countryCodes } from './countryCodes.ts';
import type { OnrampCatalog, OnrampMessageKey } from './OnrampCatalog.ts';

export type CreateOnrampViewParameters = {
  catalog: OnrampCatalog;
  /** BCP 47 tag for Intl (country names, amounts). */
  locale: string;
  /** Wrap inserted values in Unicode isolates (right-to-left languages). */
  isolateValues: boolean;
};
export type CreateOnrampViewReturnType = OnrampView;

const styles = css`
  .onramp-offer {
    margin-block-start: 18px;
    padding-block-start: 14px;
    border-block-start: 1px solid var(--_border);
  }
  .onramp-offer h3 {
    margin: 0 0 10px;
    font-size: 1em;
    font-weight: 650;
    color: var(--_text);
  }
  .fees {
    display: grid;
    grid-template-columns: 1fr auto;
    /* No column gap: the total's rule runs unbroken across both cells. */
    gap: 4px 0;
    margin: 0 0 10px;
    font-variant-numeric: tabular-nums;
  }
  .fees dt {
    color: var(--_muted);
  }
  .fees dd {
    margin: 0;
    padding-inline-start: 12px;
    text-align: end;
  }
  .fees .total {
    padding-block-start: 6px;
    border-block-start: 1px solid var(--_border);
    color: var(--_text);
    font-weight: 700;
  }
  .country {
    display: grid;
    gap: 4px;
    margin-block-end: 4px;
    font-size: 0.875em;
  }
  select {
    font: inherit;
    font-size: 1rem;
    min-block-size: 40px;
    padding: 6px 8px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 6px);
    background: var(--_surface);
    color: var(--_text);
  }
  select:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .onramp-frame {
    display: block;
    inline-size: 100%;
    block-size: 620px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 4px);
    background: #fff;
  }
  .details {
    overflow-wrap: anywhere;
  }
`;

/** Which message names each on-ramp state (its heading, and the live region's sentence). */
const headings: Partial<Record<CheckoutStateName, OnrampMessageKey>> = {
  'onramp-ordering': 'ordering.heading',
  'onramp-paying': 'paying.heading',
  'onramp-delivering': 'delivering.heading',
  'onramp-arriving': 'arriving.heading',
  'error-onramp-declined': 'declined.heading',
  'error-onramp-insufficient-funds': 'cardFunds.heading',
  'error-onramp-failed': 'failed.heading',
  'error-onramp-expired': 'expired.heading',
  'error-onramp-abandoned': 'abandoned.heading',
  'error-onramp-denied': 'denied.heading',
  'error-onramp-verification': 'verification.heading',
  'error-onramp-refused': 'refused.heading',
  'error-onramp-not-arrived': 'notArrived.heading',
};

/**
 * The on-ramp's part of the card: the offer to buy what is missing (price and fees apart, the
 * shopper's country), and one view per `onramp-*` / `error-onramp-*` state, each with its way
 * forward. Built once per language; the element adopts `styles` when it first shows one.
 */
export function createOnrampView({
  catalog,
  locale,
  isolateValues,
}: CreateOnrampViewParameters): CreateOnrampViewReturnType {
  const t = (key: OnrampMessageKey, values?: FillMessageValues) =>
    fillMessage(catalog[key] ?? key, values, isolateValues);
  let countries: readonly { code: string; name: string }[] | undefined;
  const countryList = () => {
    if (countries === undefined) {
      const names = new Intl.DisplayNames([locale], { type: 'region' });
      countries = countryCodes
        .map((code) => ({ code, name: names.of(code) ?? code }))
        .sort((left, right) => left.name.localeCompare(right.name, locale));
    }
    return countries;
  };

  /** The price of the offer, or of the order made from it (they share these fields). */
  const priceOf = (state: CheckoutState) => state.context.onrampOrder ?? state.context.onrampQuote;
  const provider = (state: CheckoutState) => priceOf(state)?.adapter_name ?? '';
  const cryptoAmount = (state: CheckoutState) => {
    const price = priceOf(state);
    if (price === null) return '';
    return formatAssetAmount({
      amount: BigInt(price.crypto_amount),
      symbol: price.asset,
      decimals: price.decimals,
      locale,
    });
  };

  const countryPicker = (view: CheckoutView) => {
    const chosen = view.state.context.onrampCountry;
    return html`<label class="country"
      >${t('offer.country')}
      <select
        part="onramp-country"
        data-action="pick-country"
        @change=${(event: Event) => {
          view.act({ type: 'pickCountry', country: (event.target as HTMLSelectElement).value });
        }}
      >
        ${chosen === null ? html`<option value="" selected disabled>—</option>` : nothing}
        ${countryList().map(
          ({ code, name }) =>
            html`<option value=${code} ?selected=${code === chosen}>${name}</option>`,
        )}
      </select></label
    >`;
  };

  const offer = (view: CheckoutView): TemplateResult => {
    const { onrampOffer, onrampQuote } = view.state.context;
    if (onrampOffer === 'none' || onrampOffer === 'unavailable') return html``;
    let content: TemplateResult;
    if (onrampOffer === 'ready' && onrampQuote !== null) {
      const fiat = (minor: string) => formatFiatPrice(minor, onrampQuote.fiat_currency, locale);
      // Amounts are set apart (<bdi>): in a right-to-left card "21.73 USDC" keeps its order.
      content = html`<dl class="fees" part="onramp-fees">
          <dt>${t('offer.receive')}</dt>
          <dd><bdi>${cryptoAmount(view.state)}</bdi></dd>
          <dt>${t('offer.price')}</dt>
          <dd><bdi>${fiat(onrampQuote.subtotal_minor)}</bdi></dd>
          <dt>${t('offer.adapterFee')}</dt>
          <dd><bdi>${fiat(onrampQuote.fees.adapter_fee_minor)}</bdi></dd>
          <dt>${t('offer.networkFee')}</dt>
          <dd><bdi>${fiat(onrampQuote.fees.network_fee_minor)}</bdi></dd>
          <dt class="total">${t('offer.total')}</dt>
          <dd class="total"><bdi>${fiat(onrampQuote.fiat_amount_minor)}</bdi></dd>
        </dl>
        <p class="small muted">${t('offer.through', { provider: onrampQuote.adapter_name })}</p>
        ${countryPicker(view)}
        <div class="actions">
          ${renderButton(view, {
            label: t('offer.buy', { amount: cryptoAmount(view.state) }),
            action: { type: 'buy' },
            isPrimary: true,
          })}
        </div>`;
    } else if (onrampOffer === 'country') {
      content = html`<p class="small">${t('offer.countryNeeded')}</p>
        ${countryPicker(view)}`;
    } else {
      content = html`<p class="small muted" role="status">${t('offer.loading')}</p>
        ${countryPicker(view)}`;
    }
    return html`<section class="onramp-offer" part="onramp-offer" aria-labelledby="onramp-title">
      <h3 id="onramp-title">${t('offer.heading')}</h3>
      ${content}
    </section>`;
  };

  const body = (view: CheckoutView): TemplateResult => {
    const { state } = view;
    const { context } = state;
    const change: ButtonOptions = {
      label: view.t('action.change'),
      action: { type: 'changeOption' },
    };
    const retry = (key: OnrampMessageKey): ButtonOptions => ({
      label: t(key),
      action: { type: 'retryOnramp' },
      isPrimary: true,
    });
    const cancel: ButtonOptions = { label: t('action.cancel'), action: { type: 'cancelOnramp' } };
    const details = html`<p class="small muted details" lang="en" dir="ltr">
      ${context.failure?.message ?? ''}
    </p>`;
    const heading = t(headings[state.name] ?? 'ordering.heading', {
      provider: provider(state),
      amount: cryptoAmount(state),
    });
    const block = (bodyKey: OnrampMessageKey, actions: readonly ButtonOptions[], more = html``) =>
      renderErrorBlock(
        view,
        heading,
        html`<p>${t(bodyKey, { provider: provider(state), amount: cryptoAmount(state) })}</p>
          ${more}`,
        actions,
      );
    switch (state.name) {
      case 'onramp-ordering':
        return renderBusy(heading);
      case 'onramp-paying': {
        const url = context.onrampOrder?.hosted_url ?? '';
        const open: ButtonOptions = {
          label: t('action.open'),
          action: { type: 'openOnramp' },
          isPrimary: true,
        };
        if (context.onrampPage === 'iframe') {
          return html`${renderHeading(t('paying.frameHeading'))}
            <iframe
              class="onramp-frame"
              part="onramp-frame"
              src=${url}
              title=${t('paying.frameTitle', { provider: provider(state) })}
              allow="payment"
              referrerpolicy="no-referrer"
            ></iframe>
            <div class="actions">
              ${renderButton(view, { ...open, label: t('action.frameNewWindow'), isPrimary: false })}
              ${renderButton(view, cancel)}
            </div>`;
        }
        if (context.onrampPage === 'blocked') {
          return html`${renderHeading(t('paying.blockedHeading'))}
            <p>${t('paying.blockedBody', { provider: provider(state) })}</p>
            <div class="actions">${renderButton(view, open)} ${renderButton(view, cancel)}</div>`;
        }
        return html`${renderBusy(heading, t('paying.body'))}
          <div class="actions">
            ${renderButton(view, { ...open, label: t('action.showWindow'), isPrimary: false })}
            ${renderButton(view, cancel)}
          </div>`;
      }
      case 'onramp-delivering':
        return renderBusy(
          heading,
          t('delivering.body', { provider: provider(state), amount: cryptoAmount(state) }),
        );
      case 'onramp-arriving':
        return renderBusy(heading, t('arriving.body'));
      case 'error-onramp-declined':
        return block('declined.body', [retry('action.tryCard'), change]);
      case 'error-onramp-insufficient-funds':
        return block('cardFunds.body', [retry('action.tryCard'), change]);
      case 'error-onramp-failed':
        return block('failed.body', [retry('action.tryAgain'), change], details);
      case 'error-onramp-expired':
        return block('expired.body', [retry('action.tryAgain'), change]);
      case 'error-onramp-abandoned':
        return block('abandoned.body', [
          { label: t('action.open'), action: { type: 'openOnramp' }, isPrimary: true },
          cancel,
        ]);
      case 'error-onramp-denied':
        return block('denied.body', [
          { ...change, isPrimary: true },
          { ...retry('action.checkAgain'), isPrimary: false },
        ]);
      case 'error-onramp-verification':
        return block('verification.body', [retry('action.checkAgain'), change]);
      case 'error-onramp-refused':
        return block('refused.body', [retry('action.tryAgain'), change], details);
      case 'error-onramp-not-arrived':
        return block('notArrived.body', [
          { label: t('action.checkAgain'), action: { type: 'checkBalance' }, isPrimary: true },
          change,
        ]);
      default:
        return renderBusy(heading);
    }
  };

  return {
    offer,
    body,
    headline: (state) =>
      t(headings[state.name] ?? 'ordering.heading', {
        provider: provider(state),
        amount: cryptoAmount(state),
      }),
    styles: styles.styleSheet,
  };
}

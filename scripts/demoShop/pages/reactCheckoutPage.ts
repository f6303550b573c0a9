// The demo shop's checkout page built with React 19: <tp-checkout> is a custom element, so React
// sets its properties and listens to its events directly. No JSX, no inline script: the bundle
// runs under the shop's strict CSP.
import { createElement as h, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { demoProduct } from '../demoProduct.ts';
import { confirmOrder } from './confirmOrder.ts';
import { orderMessage } from './orderMessage.ts';
import { requestCheckout } from './requestCheckout.ts';
import type { CheckoutStart } from './requestCheckout.ts';

function CheckoutPage() {
  const [checkout, setCheckout] = useState<CheckoutStart | 'failed' | undefined>();
  const [message, setMessage] = useState('');
  useEffect(() => {
    requestCheckout().then(setCheckout, () => {
      setCheckout('failed');
    });
  }, []);

  const onPaid = () => {
    if (typeof checkout !== 'object') return;
    setMessage('Payment received, confirming your order…');
    void confirmOrder(checkout.session_id).then((status) => {
      document.body.dataset.orderStatus = status;
      setMessage(orderMessage(status));
    });
  };

  return h(
    'main',
    null,
    h(
      'section',
      { className: 'product' },
      h('h1', null, demoProduct.name),
      h('p', { className: 'price' }, demoProduct.priceLabel),
      h('p', null, 'Checkout page built with React.'),
      h('p', { id: 'order-status', className: 'order-status', role: 'status' }, message),
    ),
    h(
      'section',
      { className: 'checkout', 'aria-label': 'Checkout' },
      checkout === undefined
        ? h('p', null, 'Starting checkout…')
        : checkout === 'failed'
          ? h('p', { className: 'problem', role: 'alert' }, 'Checkout is unavailable right now.')
          : h('tp-checkout', {
              session: checkout.session_id,
              'publishable-key': checkout.publishable_key,
              provider: checkout.provider_url,
              'ontp-checkout:paid': onPaid,
            }),
    ),
  );
}

const root = document.getElementById('root');
if (root !== null) createRoot(root).render(h(CheckoutPage));

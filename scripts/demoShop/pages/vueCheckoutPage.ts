// The demo shop's checkout page built with Vue 3 render functions: the runtime-only build needs no
// template compiler (no eval), so it runs under the shop's strict CSP. <tp-checkout> is a custom
// element; `on:tp-checkout:paid` listens to the event by its exact name.
import { createApp, defineComponent, h, onMounted, ref } from 'vue';
import { demoProduct } from '../demoProduct.ts';
import { confirmOrder } from './confirmOrder.ts';
import { orderMessage } from './orderMessage.ts';
import { requestCheckout } from './requestCheckout.ts';
import type { CheckoutStart } from './requestCheckout.ts';

const CheckoutPage = defineComponent({
  setup() {
    const checkout = ref<CheckoutStart | 'failed' | undefined>();
    const message = ref('');
    onMounted(() => {
      requestCheckout().then(
        (started) => {
          checkout.value = started;
        },
        () => {
          checkout.value = 'failed';
        },
      );
    });
    const onPaid = () => {
      const started = checkout.value;
      if (typeof started !== 'object') return;
      message.value = 'Payment received, confirming your order…';
      void confirmOrder(started.session_id).then((status) => {
        document.body.dataset.orderStatus = status;
        message.value = orderMessage(status);
      });
    };
    return () => {
      const started = checkout.value;
      return h('main', [
        h('section', { class: 'product' }, [
          h('h1', demoProduct.name),
          h('p', { class: 'price' }, demoProduct.priceLabel),
          h('p', 'Checkout page built with Vue.'),
          h('p', { id: 'order-status', class: 'order-status', role: 'status' }, message.value),
        ]),
        h(
          'section',
          { class: 'checkout', 'aria-label': 'Checkout' },
          started === undefined
            ? h('p', 'Starting checkout…')
            : started === 'failed'
              ? h('p', { class: 'problem', role: 'alert' }, 'Checkout is unavailable right now.')
              : h('tp-checkout', {
                  session: started.session_id,
                  'publishable-key': started.publishable_key,
                  provider: started.provider_url,
                  'on:tp-checkout:paid': onPaid,
                }),
        ),
      ]);
    };
  },
});

createApp(CheckoutPage).mount('#root');

// The widget says when the shopper has paid; the shop's server confirms it with the provider
// (secret key) before the order counts, as a page event alone proves nothing.
const checkout = document.querySelector('tp-checkout');
const orderStatus = document.getElementById('order-status');

checkout?.addEventListener('tp-checkout:paid', async () => {
  orderStatus.textContent = 'Payment received, confirming your order…';
  const sessionId = checkout.getAttribute('session');
  const response = await fetch(`/api/checkout-sessions/${encodeURIComponent(sessionId)}`);
  const { status } = response.ok ? await response.json() : { status: 'unknown' };
  document.body.dataset.orderStatus = status;
  orderStatus.textContent =
    status === 'settled' || status === 'overpaid'
      ? 'Thank you! Your order is confirmed.'
      : `We could not confirm your payment yet (status: ${status}).`;
});

/** What the page tells the shopper once the widget says "paid" and the shop has checked. */
export function orderMessage(status: string): string {
  return status === 'settled' || status === 'overpaid'
    ? 'Thank you! Your order is confirmed.'
    : `We could not confirm your payment yet (status: ${status}).`;
}

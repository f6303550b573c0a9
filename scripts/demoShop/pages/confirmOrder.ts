/** The order's status as the shop's server reads it from the provider: an event is no proof. */
export async function confirmOrder(sessionId: string): Promise<string> {
  const response = await fetch(`/api/checkout-sessions/${encodeURIComponent(sessionId)}`);
  if (!response.ok) return 'unknown';
  return ((await response.json()) as { status: string }).status;
}

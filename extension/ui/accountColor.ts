/**
 * A stable colour per account, from its address, so accounts are told apart at a glance (never
 * the only cue: the name and address are always shown). Mid lightness keeps white text readable
 * on light and dark surfaces.
 */
export function accountColor(address: string): string {
  const hex = address.toLowerCase().replace(/^0x/, '');
  const hue = Number.parseInt(hex.slice(0, 6) || '0', 16) % 360;
  return `hsl(${String(Number.isNaN(hue) ? 220 : hue)} 45% 40%)`;
}

/** EIP-6963 provider info. rdns is the wallet's stable identifier; uuid is fresh per page load. */
export const walletName = 'TP Wallet';
export const walletRdns = 'com.tppay.wallet';

// A square SVG (EIP-6963: data URI, at least 96x96). Kept in sync with extension/public/icons.
const iconSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96">' +
  '<rect width="96" height="96" rx="22" fill="#1f3a8a"/>' +
  '<path d="M24 30h48v10H53v32H43V40H24z" fill="#fff"/>' +
  '<circle cx="70" cy="66" r="8" fill="#34d399"/></svg>';

export const walletIcon = `data:image/svg+xml;base64,${btoa(iconSvg)}`;

// The demo shop lists the wallets that announce themselves (EIP-6963), as any dapp would.
const list = document.getElementById('wallets');
const seen = new Set();

window.addEventListener('eip6963:announceProvider', (event) => {
  const { info } = event.detail;
  if (seen.has(info.uuid)) return;
  seen.add(info.uuid);
  list.querySelector('.empty')?.remove();
  const item = document.createElement('li');
  const icon = document.createElement('img');
  icon.src = info.icon;
  icon.alt = '';
  item.append(icon, `${info.name} (${info.rdns})`);
  item.dataset.rdns = info.rdns;
  list.append(item);
});
window.dispatchEvent(new Event('eip6963:requestProvider'));

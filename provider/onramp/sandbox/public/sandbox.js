// The sandbox page's only script (served from the provider, allowed by its CSP; no inline code).
// The forms work without it; it only moves focus to the error summary, while the tokens are on
// their way asks the provider every second whether the order moved on, then reloads, and once
// the order is over closes the window after a moment, back to the checkout (browsers let a page
// close only a popup a script opened: in a tab or a frame this does nothing).
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('.error-summary');
  if (summary instanceof HTMLElement) summary.focus();

  if (document.querySelector('[data-done]') !== null) {
    window.setTimeout(() => window.close(), 2000);
    return;
  }

  const status = document.querySelector('[data-poll]');
  if (!(status instanceof HTMLElement)) return;
  const url = status.dataset.poll;
  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { accept: 'application/json' } });
      const body = await response.json();
      if (body.status !== 'pending' || body.step !== 'funding') {
        window.location.reload();
        return;
      }
    } catch {
      // The provider may be restarting: keep asking.
    }
    window.setTimeout(poll, 1000);
  };
  window.setTimeout(poll, 1000);
});

import { describe, expect, it } from 'vitest';
import { isOwnExtensionPage } from './isOwnExtensionPage.ts';

const id = 'abcdefghijklmnopabcdefghijklmnop';
const base = `chrome-extension://${id}/`;

describe('isOwnExtensionPage', () => {
  it('accepts the popup and other pages of this extension', () => {
    expect(
      isOwnExtensionPage(
        { id, url: `${base}extension/ui/popup/popup.html`, origin: base.slice(0, -1) },
        base,
      ),
    ).toBe(true);
    expect(
      isOwnExtensionPage({ id, url: `${base}extension/ui/onboarding/onboarding.html` }, base),
    ).toBe(true);
  });

  it.each([
    [
      'a content script on a web page',
      { id, url: 'https://shop.example/', origin: 'https://shop.example' },
    ],
    [
      'a page claiming the extension origin in the URL only',
      { id, url: 'https://evil.example/chrome-extension://x' },
    ],
    [
      'another extension',
      {
        id: 'ponmlkjihgfedcbaponmlkjihgfedcba',
        url: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/x.html',
      },
    ],
    ['a mismatched origin', { id, url: `${base}x.html`, origin: 'https://shop.example' }],
    ['no URL', { id }],
    ['an unparsable URL', { id, url: '::' }],
  ])('refuses %s', (_name, sender) => {
    expect(isOwnExtensionPage(sender, base)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { renderProductPage } from './renderProductPage.ts';

describe('renderProductPage', () => {
  it('embeds the widget with the session, the publishable key and the provider', () => {
    const html = renderProductPage({
      checkout: {
        sessionId: 'cs_1',
        publishableKey: 'pk_2',
        providerUrl: 'http://127.0.0.1:8787',
      },
    });
    expect(html).toContain(
      '<tp-checkout session="cs_1" publishable-key="pk_2" provider="http://127.0.0.1:8787"></tp-checkout>',
    );
    expect(html).toContain('€19.99');
  });

  it('escapes what it puts into attributes', () => {
    const html = renderProductPage({
      checkout: { sessionId: '"><script>x</script>', publishableKey: 'pk', providerUrl: 'u' },
    });
    expect(html).toContain('session="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(html).not.toContain('<script>x');
  });

  it('shows the problem instead of the widget when there is no session', () => {
    const html = renderProductPage({ checkout: { problem: 'No <keys>' } });
    expect(html).toContain('role="alert">No &lt;keys&gt;</p>');
    expect(html).not.toContain('<tp-checkout');
  });
});

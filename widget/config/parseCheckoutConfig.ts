export type CheckoutLayout = 'inline' | 'modal';
export type CheckoutTheme = 'auto' | 'light' | 'dark';

export type CheckoutConfig = {
  readonly sessionId: string;
  readonly publishableKey: string;
  /** Without a trailing slash. */
  readonly providerUrl: string;
  readonly layout: CheckoutLayout;
  readonly theme: CheckoutTheme;
};

/** The element's attributes as set (`null` or `undefined`: absent). */
export type ParseCheckoutConfigParameters = {
  session: string | null | undefined;
  publishableKey: string | null | undefined;
  provider: string | null | undefined;
  layout: string | null | undefined;
  theme: string | null | undefined;
};
export type ParseCheckoutConfigReturnType =
  | { readonly isValid: true; readonly config: CheckoutConfig }
  | { readonly isValid: false; readonly issues: readonly string[] };

const sessionPattern = /^cs_[A-Za-z0-9_]{1,97}$/;
const publishableKeyPattern = /^pk_[0-9a-f]{32}$/;
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);
const maxEchoLength = 40;

function echo(value: string): string {
  const shown = value.length <= maxEchoLength ? value : `${value.slice(0, maxEchoLength)}…`;
  return JSON.stringify(shown);
}

function isBlank(value: string | null | undefined): value is null | undefined | '' {
  return value === null || value === undefined || value.trim() === '';
}

function checkProvider(value: string, issues: string[]): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    issues.push(`provider must be an absolute URL like "https://pay.example"; got ${echo(value)}.`);
    return null;
  }
  const isLoopbackHttp = url.protocol === 'http:' && loopbackHosts.has(url.hostname);
  if (url.protocol !== 'https:' && !isLoopbackHttp) {
    issues.push(
      `provider must use https (http only on localhost or 127.0.0.1); got ${echo(value)}.`,
    );
    return null;
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    issues.push(
      `provider must be a plain base URL, without credentials, query or fragment; got ${echo(value)}.`,
    );
    return null;
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * Reads the element's attributes into a checkout configuration, or lists every problem, one
 * English sentence each (the element shows them and logs them). Nothing is fetched before the
 * configuration is valid.
 */
export function parseCheckoutConfig(
  attributes: ParseCheckoutConfigParameters,
): ParseCheckoutConfigReturnType {
  const issues: string[] = [];
  const { session, publishableKey, provider, layout, theme } = attributes;

  if (isBlank(session))
    issues.push('The session attribute is missing: set it to the id your server created (cs_…).');
  else if (!sessionPattern.test(session))
    issues.push(`session must look like "cs_…" (letters, digits, _); got ${echo(session)}.`);

  if (isBlank(publishableKey))
    issues.push('The publishable-key attribute is missing: set it to your publishable key (pk_…).');
  else if (!publishableKeyPattern.test(publishableKey)) {
    const hint = publishableKey.startsWith('sk_')
      ? ' Never put a secret key (sk_…) in a page.'
      : '';
    issues.push(`publishable-key must be "pk_" and 32 lowercase hex digits.${hint}`);
  }

  let providerUrl: string | null = null;
  if (isBlank(provider))
    issues.push('The provider attribute is missing: set it to the provider API URL (https://…).');
  else providerUrl = checkProvider(provider.trim(), issues);

  const shownLayout = isBlank(layout) ? 'inline' : layout;
  if (shownLayout !== 'inline' && shownLayout !== 'modal') {
    issues.push(`layout must be "inline" or "modal"; got ${echo(shownLayout)}.`);
  }
  const shownTheme = isBlank(theme) ? 'auto' : theme;
  if (shownTheme !== 'auto' && shownTheme !== 'light' && shownTheme !== 'dark') {
    issues.push(`theme must be "light", "dark" or "auto"; got ${echo(shownTheme)}.`);
  }

  if (issues.length > 0 || providerUrl === null || isBlank(session) || isBlank(publishableKey)) {
    return { isValid: false, issues };
  }
  return {
    isValid: true,
    config: {
      sessionId: session,
      publishableKey,
      providerUrl,
      layout: shownLayout as CheckoutLayout,
      theme: shownTheme as CheckoutTheme,
    },
  };
}

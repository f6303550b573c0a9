/** An RPC URL fit for logs: scheme, host and port only (API keys live in paths and queries). */
export function describeEndpoint(url: string): string {
  try {
    const { protocol, host } = new URL(url);
    return `${protocol}//${host}`;
  } catch {
    return '(not a URL)';
  }
}

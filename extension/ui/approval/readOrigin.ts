export type ReadOriginReturnType = {
  /** What people recognise a site by (`shop.example.com`); IDNs stay in punycode, as browsers warn. */
  readonly hostname: string;
  /** The whole origin as the browser reported it (`https://shop.example.com:8443`). */
  readonly origin: string;
  /** Plain http to anything but this machine: whoever is on the network can rewrite the page. */
  readonly isInsecure: boolean;
};

const loopbackHostnames = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The parts of a request's origin (the browser-reported one) that the approval window shows. */
export function readOrigin(origin: string): ReadOriginReturnType {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    // Not a URL: show it as it is and treat it as unsafe, since nothing about it can be checked.
    return { hostname: origin, origin, isInsecure: true };
  }
  const hostname = url.hostname === '' ? origin : url.hostname;
  const isLoopback =
    loopbackHostnames.has(url.hostname) ||
    url.hostname.endsWith('.localhost') ||
    /^127(?:\.\d{1,3}){3}$/.test(url.hostname);
  return { hostname, origin, isInsecure: url.protocol === 'http:' && !isLoopback };
}

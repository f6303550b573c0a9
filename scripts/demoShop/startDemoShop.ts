import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { listenOnPort } from '../stack/listenOnPort.ts';

export type StartDemoShopParameters = {
  readonly host?: string;
  /** `0` lets the system pick a free port; `url` tells which. */
  readonly port: number;
  /** Built widget (dist/widget), served under /widget/. */
  readonly widgetDir?: string;
};

export type StartDemoShopReturnType = { readonly url: string; readonly stop: () => Promise<void> };

const publicDir = resolve(import.meta.dirname, 'public');
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
// The shop runs under a strict CSP, as a careful merchant's page would: the widget must cope.
const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' http://127.0.0.1:* http://localhost:*; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** A static demo merchant page that embeds the widget. */
export async function startDemoShop({
  host = '127.0.0.1',
  port,
  widgetDir = 'dist/widget',
}: StartDemoShopParameters): Promise<StartDemoShopReturnType> {
  const roots = { widget: resolve(widgetDir), shop: publicDir };
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://shop').pathname);
    const file = path.startsWith('/widget/')
      ? within(roots.widget, path.slice('/widget/'.length))
      : within(roots.shop, path === '/' ? 'index.html' : path.slice(1));
    if (file === undefined || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(file === undefined ? 404 : 405).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': contentSecurityPolicy,
          'cache-control': 'no-store',
        });
        response.end(request.method === 'HEAD' ? undefined : body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await listenOnPort(server, { host, port });
  const address = server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  return {
    url: `http://${host}:${boundPort}`,
    stop: () =>
      new Promise((done) =>
        server.close(() => {
          done();
        }),
      ),
  };
}

/** Resolves `relativePath` under `root`, or undefined if it would escape it. */
function within(root: string, relativePath: string): string | undefined {
  const full = resolve(root, relativePath);
  return full.startsWith(root + sep) ? full : undefined;
}

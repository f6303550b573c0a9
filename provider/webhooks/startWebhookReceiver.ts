// Test support: a real HTTP server on 127.0.0.1 standing in for a merchant's webhook endpoint.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedWebhook = { path: string; headers: IncomingHttpHeaders; body: string };

export type WebhookReceiverAnswer = {
  status: number;
  headers?: Record<string, string>;
  delayMs?: number;
};

export type StartWebhookReceiverParameters = {
  /** Called per request (0-based count); default 200. */
  answer?: (request: ReceivedWebhook, index: number) => WebhookReceiverAnswer;
};

export type WebhookReceiver = {
  /** `http://127.0.0.1:<port>/hook` */
  url: string;
  received: ReceivedWebhook[];
  close(): Promise<void>;
};

export async function startWebhookReceiver({
  answer = () => ({ status: 200 }),
}: StartWebhookReceiverParameters = {}): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const delivery = {
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(delivery);
      const { status, headers = {}, delayMs = 0 } = answer(delivery, received.length - 1);
      setTimeout(() => {
        response.writeHead(status, headers).end('ok');
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

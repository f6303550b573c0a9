import { createServer } from 'node:http';

export type ReceivedWebhook = { readonly type: string; readonly data: Record<string, unknown> };

/** A merchant's webhook endpoint on this machine: records every event POSTed to it. */
export async function startWebhookReceiver(): Promise<{
  url: string;
  events: ReceivedWebhook[];
  stop: () => Promise<void>;
}> {
  const events: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        events.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedWebhook);
      } catch {
        // Not JSON: not ours to record.
      }
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    events,
    stop: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => {
          done();
        });
      }),
  };
}

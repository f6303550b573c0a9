/**
 * Test support: a local JSON-RPC endpoint that misbehaves on purpose, in front of (or instead
 * of) a real node, to exercise failover against real HTTP. Not used by the wallet itself.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultyRpcBehavior =
  /** Answers every request with HTTP 500 and a text body. */
  | 'http-500'
  /** Reads the request and never answers. */
  | 'hang'
  /** Claims chain 1 and answers every other method with `0xdead`. */
  | 'wrong-chain'
  /** Answers every method with a result that is not hex (`"31337"`). */
  | 'garbage'
  /** Forwards `eth_chainId` to `upstreamUrl`, answers everything else without a `result`. */
  | 'no-result'
  /** Forwards everything to `upstreamUrl` (a healthy endpoint that counts its requests). */
  | 'proxy';

export type StartFaultyRpcServerParameters = {
  behavior: FaultyRpcBehavior;
  upstreamUrl?: string;
};

export type StartFaultyRpcServerReturnType = {
  url: string;
  /** The JSON-RPC methods received, in order. */
  methods: string[];
  setBehavior: (behavior: FaultyRpcBehavior) => void;
  close: () => Promise<void>;
};

export async function startFaultyRpcServer({
  behavior: initialBehavior,
  upstreamUrl,
}: StartFaultyRpcServerParameters): Promise<StartFaultyRpcServerReturnType> {
  let behavior = initialBehavior;
  const methods: string[] = [];
  const forward = async (body: string): Promise<string> => {
    if (upstreamUrl === undefined) throw new Error(`${behavior} needs an upstreamUrl`);
    const response = await fetch(upstreamUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    return response.text();
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const { id, method } = JSON.parse(body) as { id: unknown; method: string };
      methods.push(method);
      const answer = (status: number, text: string, type = 'application/json'): void => {
        response.writeHead(status, { 'content-type': type }).end(text);
      };
      const result = (value: unknown): void => {
        answer(200, JSON.stringify({ jsonrpc: '2.0', id, result: value }));
      };
      switch (behavior) {
        case 'http-500':
          answer(500, 'upstream exploded', 'text/plain');
          return;
        case 'hang':
          return;
        case 'wrong-chain':
          result(method === 'eth_chainId' ? '0x1' : '0xdead');
          return;
        case 'garbage':
          result('31337');
          return;
        case 'no-result':
          if (method === 'eth_chainId') {
            void forward(body).then((text) => {
              answer(200, text);
            });
          } else {
            answer(200, JSON.stringify({ jsonrpc: '2.0', id }));
          }
          return;
        case 'proxy':
          void forward(body).then((text) => {
            answer(200, text);
          });
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    methods,
    setBehavior: (next) => {
      behavior = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

// Test support: a JSON-RPC proxy in front of a real node, honest or lying. Each answer passes
// through `rewrite`, which may return it unchanged (an honest provider) or altered (a lying
// one: other logs, another status, another block hash). Only for tests, on 127.0.0.1.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RpcCall = { method: string; params: readonly unknown[]; result: unknown };

export type StartRpcProxyParameters = {
  targetUrl: string;
  /** Returns the result to send back instead of `call.result`. Default: the truth. */
  rewrite?: (call: RpcCall) => unknown;
};

export type RpcProxy = {
  url: string;
  /** Methods asked through this proxy, in order. */
  methods: string[];
  close(): Promise<void>;
};

export type StartRpcProxyReturnType = RpcProxy;

type RpcRequest = { id?: unknown; method?: unknown; params?: unknown };
type RpcResponse = { id?: unknown; result?: unknown; error?: unknown };

export async function startRpcProxy({
  targetUrl,
  rewrite = (call) => call.result,
}: StartRpcProxyParameters): Promise<StartRpcProxyReturnType> {
  const methods: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const upstream = await fetch(targetUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        const parsedRequest = JSON.parse(body) as RpcRequest | RpcRequest[];
        const parsedResponse = (await upstream.json()) as RpcResponse | RpcResponse[];
        const requests = Array.isArray(parsedRequest) ? parsedRequest : [parsedRequest];
        const rewritten = (Array.isArray(parsedResponse) ? parsedResponse : [parsedResponse]).map(
          (answer) => {
            const asked = requests.find((candidate) => candidate.id === answer.id);
            const method = typeof asked?.method === 'string' ? asked.method : '';
            methods.push(method);
            if (!('result' in answer)) return answer;
            const params = Array.isArray(asked?.params) ? (asked.params as unknown[]) : [];
            return { ...answer, result: rewrite({ method, params, result: answer.result }) };
          },
        );
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(Array.isArray(parsedResponse) ? rewritten : rewritten[0]));
      })().catch((error: unknown) => {
        response.writeHead(502, { 'content-type': 'text/plain' });
        response.end(error instanceof Error ? error.message : 'proxy failure');
      });
    });
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    methods,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
      }),
  };
}

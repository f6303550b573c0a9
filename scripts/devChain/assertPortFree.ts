import { createServer } from 'node:net';
import { PortInUseError } from './PortInUseError.ts';

export type AssertPortFreeParameters = {
  host: string;
  port: number;
};

export type AssertPortFreeErrorType = PortInUseError | Error;

/**
 * Resolves if `host:port` can be listened on right now (by briefly listening on it), throws
 * `PortInUseError` if it is taken. A free answer is only a snapshot: whoever listens next must
 * still handle EADDRINUSE.
 */
export async function assertPortFree({ host, port }: AssertPortFreeParameters): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE' ? new PortInUseError({ host, port, cause: error }) : error,
      );
    });
    server.listen({ host, port, exclusive: true }, () => {
      server.close(() => {
        resolve();
      });
    });
  });
}

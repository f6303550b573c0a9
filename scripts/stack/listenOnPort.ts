import type { Server } from 'node:http';
import { PortInUseError } from '../devChain/PortInUseError.ts';

/** `server.listen`, with EADDRINUSE turned into a PortInUseError. */
export function listenOnPort(
  server: Server,
  { host, port }: { host: string; port: number },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE' ? new PortInUseError({ host, port, cause: error }) : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { assertPortFree } from './assertPortFree.ts';
import { PortInUseError } from './PortInUseError.ts';

describe('assertPortFree', () => {
  it('rejects with PortInUseError while another server listens, resolves after it closes', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    const error: unknown = await assertPortFree({ host: '127.0.0.1', port }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PortInUseError);
    expect(error).toMatchObject({
      code: 'stack/port-in-use',
      details: { host: '127.0.0.1', port },
    });
    expect((error as PortInUseError).shortMessage).toContain(String(port));
    expect((error as PortInUseError).shortMessage).toContain('npm start');

    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
    await expect(assertPortFree({ host: '127.0.0.1', port })).resolves.toBeUndefined();
  });
});

import { TpError } from '../shared/errors/TpError.ts';

export class PortInUseError extends TpError {
  override name = 'PortInUseError';
  constructor({ host, port, cause }: { host: string; port: number; cause?: unknown }) {
    super({
      code: 'server/port-in-use',
      shortMessage: `port ${port} is in use — is another TP Pay stack running?`,
      details: { host, port },
      cause,
    });
  }
}

import { TpError } from '../../shared/errors/TpError.ts';

export type PortInUseErrorParameters = {
  host: string;
  port: number;
  cause?: unknown;
};

/** A local server could not listen because something else already holds its port. */
export class PortInUseError extends TpError {
  override name = 'PortInUseError';

  constructor({ host, port, cause }: PortInUseErrorParameters) {
    super({
      code: 'stack/port-in-use',
      shortMessage: `Port ${port} on ${host} is already in use. Is another \`npm start\` running? Stop it or choose another port.`,
      details: { host, port },
      cause,
    });
  }
}

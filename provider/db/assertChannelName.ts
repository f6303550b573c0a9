import { InvalidChannelNameError } from './errors.ts';

export type AssertChannelNameErrorType = InvalidChannelNameError;

const channelName = /^[a-z_][a-z0-9_]{0,62}$/;

/** A `LISTEN` channel is an SQL identifier spliced into the statement: only plain names pass. */
export function assertChannelName(channel: string): void {
  if (!channelName.test(channel)) throw new InvalidChannelNameError({ channel });
}

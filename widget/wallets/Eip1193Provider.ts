/** The one method of an EIP-1193 provider the widget uses; wallets are reached through nothing else. */
export type Eip1193RequestArguments = {
  readonly method: string;
  readonly params?: readonly unknown[] | Readonly<Record<string, unknown>>;
};

export type Eip1193Provider = {
  request(args: Eip1193RequestArguments): Promise<unknown>;
};

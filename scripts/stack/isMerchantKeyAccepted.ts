export type IsMerchantKeyAcceptedParameters = {
  readonly providerUrl: string;
  readonly secretKey: string;
};

/**
 * Whether the running provider knows this secret key: reading a session that cannot exist
 * answers 404 to a known key and 401 to an unknown one.
 */
export async function isMerchantKeyAccepted({
  providerUrl,
  secretKey,
}: IsMerchantKeyAcceptedParameters): Promise<boolean> {
  const response = await fetch(
    `${providerUrl}/v1/checkout/sessions/cs_00000000000000000000000000000000`,
    { headers: { authorization: `Bearer ${secretKey}` }, signal: AbortSignal.timeout(5_000) },
  );
  await response.body?.cancel();
  return response.status !== 401;
}

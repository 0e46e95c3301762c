/** What the simulators' `/__loginkit/protected` answers about the token it was shown. */
export interface ProtectedAnswer {
  readonly status: number;
  readonly account?: string;
  readonly tokenId?: string;
}

/** Calls the protected endpoint through `clientFetch` and keeps what a caller would look at. */
export async function readProtected(
  clientFetch: typeof fetch,
  path = "/__loginkit/protected",
): Promise<ProtectedAnswer> {
  const response = await clientFetch(path);
  if (response.status !== 200) {
    await response.body?.cancel();
    return { status: response.status };
  }
  const body = (await response.json()) as { account: string; tokenId: string };
  return { status: response.status, account: body.account, tokenId: body.tokenId };
}

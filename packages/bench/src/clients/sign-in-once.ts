import { benchCredentials } from "../server/bench-provider.js";

/** A token for the clients that have no sign-in of their own: one request before timing starts. */
export async function signInOnce(
  baseUrl: string,
  fetchImpl: typeof fetch = fetch,
): Promise<string> {
  const response = await fetchImpl(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(benchCredentials),
  });
  return ((await response.json()) as { jwt: string }).jwt;
}

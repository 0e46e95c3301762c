import { fromClientError } from "../errors/from-client-error.js";
import type { Io } from "../io.js";
import { checkBaseUrl } from "../providers/check-base-url.js";
import { openClient } from "./open-client.js";

export interface TokenOptions {
  readonly baseUrl?: string;
  readonly header?: boolean;
  readonly json?: boolean;
}

/**
 * Signs in with credentials from the environment and prints the access token on stdout (alone,
 * for `$(loginkit token …)`), or a ready header line; the expiry goes to stderr.
 */
export async function runToken(providerId: string, options: TokenOptions, io: Io): Promise<number> {
  if (options.baseUrl !== undefined) checkBaseUrl(options.baseUrl);
  const { client, clientPackage, expiresAt } = await openClient({
    providerId,
    baseUrl: options.baseUrl,
    env: io.env,
    retry: 2,
  });
  let token: string;
  try {
    token = await client.getAccessToken();
  } catch (error) {
    throw fromClientError(error, providerId);
  }
  const scheme = clientPackage.provider.securityScheme;
  const header =
    scheme.type === "apiKey"
      ? { name: scheme.name, value: token }
      : { name: "Authorization", value: `Bearer ${token}` };
  const expires = expiresAt();
  const expiry = expires === undefined ? undefined : new Date(expires).toISOString();
  if (options.json) {
    io.stdout.write(
      `${JSON.stringify({ provider: providerId, token, expiresAt: expiry ?? null, header })}\n`,
    );
    return 0;
  }
  io.stdout.write(options.header ? `${header.name}: ${header.value}\n` : `${token}\n`);
  io.stderr.write(
    expires === undefined
      ? `${providerId}: the provider gave no expiry; the token lasts until it is refused\n`
      : `${providerId}: expires ${expiry} (in ${describeDuration(expires - Date.now())})\n`,
  );
  return 0;
}

function describeDuration(milliseconds: number): string {
  const minutes = Math.round(milliseconds / 60_000);
  if (minutes < 1) return "less than a minute";
  if (minutes < 120) return `${minutes} min`;
  return `${Math.round(minutes / 60)} h`;
}

import type { ProviderClient, ProviderTypes, SessionEvent } from "@loginkit/core";
import { loadSpecConformance, type SpecConformance } from "@loginkit/testkit";
import { fromClientError } from "../errors/from-client-error.js";
import { type ClientPackage, loadClientPackage } from "../providers/client-package.js";
import { readCredentials, readInputs } from "../providers/read-environment.js";

export interface OpenClientOptions {
  readonly providerId: string;
  readonly baseUrl?: string;
  readonly env: NodeJS.ProcessEnv;
  readonly fetch?: typeof fetch;
  /** @default 15_000 */
  readonly timeout?: number;
  /** @default false: `check` must see every answer as it came */
  readonly retry?: false | number;
}

export interface OpenedClient {
  readonly clientPackage: ClientPackage;
  readonly spec: SpecConformance;
  readonly credentials: Record<string, string>;
  readonly client: ProviderClient<ProviderTypes>;
  /** When the current token expires (epoch ms), from the client's events. */
  readonly expiresAt: () => number | undefined;
  /** A second client with the same settings (its own session), for a refused sign-in. */
  readonly openAnother: () => ProviderClient<ProviderTypes>;
}

/** The generated client of a provider, configured from the environment and the options. */
export async function openClient(options: OpenClientOptions): Promise<OpenedClient> {
  try {
    return await configureClient(options);
  } catch (error) {
    // A bad base URL or a password too short for the spec, read from the environment, is the
    // user's to fix: exit 2, not a crash (exit 1) with the platform's words.
    throw fromClientError(error, options.providerId);
  }
}

async function configureClient(options: OpenClientOptions): Promise<OpenedClient> {
  const clientPackage = await loadClientPackage(options.providerId);
  const spec = loadSpecConformance(options.providerId);
  const credentials = readCredentials(options.providerId, spec.credentialForms, options.env);
  const inputs = readInputs(clientPackage.provider, options.env);
  let expiresAt: number | undefined;
  const settings = {
    ...inputs,
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    credentials,
    retry: options.retry ?? false,
    timeout: options.timeout ?? 15_000,
    onEvent: (event: SessionEvent) => {
      if (event.type === "signed-in" || event.type === "renewed") expiresAt = event.expiresAt;
    },
  };
  return {
    clientPackage,
    spec,
    credentials,
    client: clientPackage.createClient(settings),
    expiresAt: () => expiresAt,
    openAnother: () => clientPackage.createClient({ ...settings, onEvent: undefined }),
  };
}

import { ConfigurationError } from "../errors/ConfigurationError.js";
import { createEventListeners } from "../events/event-listeners.js";
import { checkClientOptions } from "../options/check-client-options.js";
import { checkInputValue } from "../options/check-input-value.js";
import { defaultClientOptions } from "../options/client-option-table.js";
import type { ProviderDescription } from "../provider/provider-description.js";
import { normalizeRetryOptions } from "../retry/retry-options.js";
import { createOwnMemoryStore } from "../session/own-memory-store.js";
import { copyHeaders } from "../utils/copy-headers.js";
import type { ProviderClientOptions } from "./client-types.js";
import { defaultStoreKey } from "./default-store-key.js";

export { defaultClientOptions };

/** Fills in defaults and checks the provider's required inputs; throws `ConfigurationError`. */
export function normalizeClientOptions(
  description: ProviderDescription,
  options: ProviderClientOptions<unknown> & Record<string, unknown>,
) {
  checkClientOptions(description, options);
  const baseUrl = options.baseUrl ?? description.servers[0];
  if (!baseUrl) {
    throw new ConfigurationError(
      `${description.displayName} has no default server: pass the \`baseUrl\` option`,
    );
  }
  const inputValues: Record<string, string> = {};
  for (const input of description.inputs) {
    const value = options[input.option];
    if (value !== undefined && value !== null)
      inputValues[input.name] = checkInputValue(input, value);
    else if (input.required && input.default === undefined) {
      throw new ConfigurationError(
        `${description.displayName} needs the \`${input.option}\` option`,
      );
    }
  }
  const retry = normalizeRetryOptions(options.retry);
  const events = createEventListeners(options.onEvent);
  return {
    baseUrl,
    baseUrlIsExplicit: options.baseUrl !== undefined,
    trustedOrigins: options.trustedOrigins ?? [],
    inputValues,
    retry,
    timeout: options.timeout ?? defaultClientOptions.timeout,
    maxResponseBytes: options.maxResponseBytes ?? defaultClientOptions.maxResponseBytes,
    maxErrorBodyBytes: options.maxErrorBodyBytes ?? defaultClientOptions.maxErrorBodyBytes,
    tokenStore: options.tokenStore ?? createOwnMemoryStore(),
    storeTimeout: options.storeTimeout ?? defaultClientOptions.storeTimeout,
    storeKey: options.storeKey ?? defaultStoreKey(description, baseUrl, options.credentials),
    // What the lease's timing follows from; a coordinating store's lease protocol derives it
    // (see `deriveLeaseTiming`), so a client with the default store carries none of it.
    leaseTiming: {
      timeout: options.timeout ?? defaultClientOptions.timeout,
      retryLimit: retry.limit,
      maxRetryDelay: retry.maxDelay,
      leaseTtl: options.leaseTtl,
    },
    refusalCoolDown: options.refusalCoolDown ?? defaultClientOptions.refusalCoolDown,
    renewBeforeExpiry: options.renewBeforeExpiry ?? defaultClientOptions.renewBeforeExpiry,
    headers: readHeadersOption(options.headers),
    credentials: options.credentials,
    // One function for core to call, whatever the number of listeners.
    onEvent: events.emit,
    events,
    // Read on every call, so tests and polyfills that replace globalThis.fetch later still work.
    // The signal goes in `init` as well as in the Request: a signal that only travels inside a
    // throwaway Request stops reaching the transfer once that Request is garbage collected
    // (nodejs/node#55428), and abort() or the timeout would then no longer cancel it.
    transport: (request: Request, signal: AbortSignal) =>
      (options.fetch ?? globalThis.fetch)(request, { signal }),
  };
}

/** The `headers` option as Headers; a name or value no runtime sends is a ConfigurationError. */
function readHeadersOption(headers: HeadersInit | undefined): Headers {
  try {
    return headers instanceof Headers ? copyHeaders(headers) : new Headers(headers);
  } catch {
    // The platform's message quotes the value, which may be an API key: it is not kept.
    throw new ConfigurationError(
      "`headers` must hold valid header names and values (no CR or LF, nothing past Latin-1)",
      { option: "headers" },
    );
  }
}

export type NormalizedClientOptions = ReturnType<typeof normalizeClientOptions>;

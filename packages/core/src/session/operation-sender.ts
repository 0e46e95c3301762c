import type { ProviderDescription } from "../provider/provider-description.js";
import type { ProviderFeatures } from "../provider/provider-features.js";
import type { BodyLimits } from "../utils/read-body.js";

/**
 * What the sign-in, refresh and sign-out calls need: the request layer without a session (a
 * `RequestPipeline` built before the session, which is handed these calls).
 */
export interface OperationSender {
  readonly description: ProviderDescription;
  /** The code the provider's description calls for (JWT expiry, say). */
  readonly features: ProviderFeatures;
  /** The caps on what core reads of an answer. */
  readonly options: BodyLimits;
  operationRequest(operationId: string, init: RequestInit): Request;
  /** Every credential and token the client holds, to keep out of errors. */
  knownSecrets(): string[];
  send(
    request: Request,
    auth:
      | { kind: "none" }
      | { kind: "token"; token: string; inputs?: Readonly<Record<string, string>> },
    options?: { readWhole?: boolean },
  ): Promise<Response>;
}

export const JSON_HEADERS = { "content-type": "application/json", accept: "application/json" };

import type { ProviderDescription } from "../provider/provider-description.js";
import type { BodyLimits } from "../utils/read-body.js";

/** What the sign-in, refresh and sign-out calls need from the client (its `ProviderRuntime`). */
export interface OperationSender {
  readonly description: ProviderDescription;
  /** The caps on what core reads of an answer. */
  readonly options: BodyLimits;
  operationRequest(operationId: string, init: RequestInit): Request;
  /** Every credential and token the client holds, to keep out of errors. */
  knownSecrets(): string[];
  send(
    request: Request,
    mode: { auth: "lazy" } | { auth: "none" } | { auth: "token"; token: string },
    options?: { readWhole?: boolean },
  ): Promise<Response>;
}

export const JSON_HEADERS = { "content-type": "application/json", accept: "application/json" };

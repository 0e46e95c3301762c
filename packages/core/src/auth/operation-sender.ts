import type { ProviderDescription } from "../provider/provider-description.js";

/** What the sign-in, refresh and sign-out calls need from the client (its `ProviderRuntime`). */
export interface OperationSender {
  readonly description: ProviderDescription;
  operationRequest(operationId: string, init: RequestInit): Request;
  send(
    request: Request,
    mode: { auth: "lazy" } | { auth: "none" } | { auth: "token"; token: string },
  ): Promise<Response>;
}

export const JSON_HEADERS = { "content-type": "application/json", accept: "application/json" };

import type { ErrorRequest } from "../errors/LoginkitError.js";
import type { OperationMatch } from "../provider/match-operation.js";
import type { NormalizedRetryOptions } from "../retry/retry-options.js";
import type { Exchange } from "./exchange.js";

/** Which credentials a request carries to the provider's own origins (never to any other). */
export type PlanCredentials =
  /** The session's token, signing in when needed, renewed (and the request replayed) if refused. */
  | { readonly kind: "session" }
  /** None: core's sign-in, a public operation, or a call with `loginkit: { auth: "none" }`. */
  | { readonly kind: "none" }
  /** This token and input headers, as they are: core's own refresh and sign-out. */
  | {
      readonly kind: "token";
      readonly token: string;
      readonly inputs?: Readonly<Record<string, string>>;
    };

/** A request body, by how often it can be sent. */
export type PlanBody =
  | { readonly kind: "none" }
  /** Sent again intact by every attempt and 307/308 hop (a string, bytes, a Blob, a form). */
  | { readonly kind: "replayable"; readonly value: BodyInit }
  | OneShotBody;

/**
 * A stream the caller handed over: it goes out as it is read, once. Core holds its reader so
 * that a request that fails (a server that never reads it, a timeout) cancels it, instead of
 * the platform pulling it to its end for nobody.
 */
export class OneShotBody {
  readonly kind = "one-shot";
  readonly stream: ReadableStream<Uint8Array>;
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  /** The exchange sending it: every pull is progress, so a slow upload that moves is no stall. */
  exchange?: Exchange;

  constructor(source: ReadableStream<Uint8Array>) {
    const reader = source.getReader();
    this.#reader = reader;
    this.stream = new ReadableStream<Uint8Array>(
      {
        pull: async (controller) => {
          const { done, value } = await reader.read();
          this.exchange?.progress();
          if (done) controller.close();
          else controller.enqueue(value);
        },
        cancel: (reason) => reader.cancel(reason),
      },
      { highWaterMark: 0 },
    );
  }

  /** Stops the caller's stream: the request failed and will not be sent again. */
  cancel(reason: unknown): void {
    this.#reader.cancel(reason).catch(() => {});
  }
}

/**
 * Everything about one call, decided once before the first byte goes out, and never changed:
 * each attempt and redirect hop builds its own request object from it.
 */
export interface RequestPlan {
  readonly url: URL;
  readonly method: string;
  /** The caller's headers and the client's, without any credential core adds. */
  readonly headers: Headers;
  readonly body: PlanBody;
  /** Who is calling: a user's request, or core's own sign-in, refresh or sign-out. */
  readonly caller: "user" | "core";
  readonly credentials: PlanCredentials;
  /** The first URL is one of the provider's origins, to an operation that needs a token. */
  readonly authenticated: boolean;
  readonly match: OperationMatch | undefined;
  /** The operation is described as `replaySafe`. */
  readonly replaySafe: boolean;
  /** The caller's signal: honoured until the answer's body is read or cancelled. */
  readonly signal: AbortSignal | undefined;
  readonly timeout: number | false;
  readonly retry: NormalizedRetryOptions;
  /** Core reads the answer itself, inside the attempt and under the size caps. */
  readonly readWhole: boolean;
  /** The request as errors and events show it: method and redacted URL. */
  readonly request: ErrorRequest;
  /** Method and operation (or path), where a refused fresh token is remembered. */
  readonly endpoint: string;
  /**
   * openapi-fetch's own Request for this call, when it can be the first attempt's request object
   * as it is (`redirect: "manual"`, made by core's `ClientRequest`, its body unread): a copy less on the
   * common path. Only the first attempt uses it; every other builds its own.
   */
  readonly prepared: Request | undefined;
}

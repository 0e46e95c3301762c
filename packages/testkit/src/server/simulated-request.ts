import type { IncomingHttpHeaders } from "node:http";

/** An incoming request, read and parsed once. */
export interface SimulatedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly cookies: Readonly<Record<string, string>>;
  readonly rawBody: string;
  /** Filled by request validation: the parsed JSON body and path parameters. */
  body?: unknown;
  pathParameters: Record<string, string>;
}

/** An incoming request, read and parsed once. */
export interface SimulatedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  /** By lower-case name; repeated headers joined with `, ` as `Headers.get` does. */
  readonly headers: Readonly<Record<string, string>>;
  readonly cookies: Readonly<Record<string, string>>;
  readonly rawBody: string;
  /** Filled by request validation: the parsed JSON body and path parameters. */
  body?: unknown;
  pathParameters: Record<string, string>;
}

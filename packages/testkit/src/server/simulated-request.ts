/** An incoming request, read and parsed once. */
export interface SimulatedRequest {
  readonly method: string;
  /** The path as it came (for logs and answers). */
  readonly path: string;
  /** The path to route by: `path` with segments that do not decode taken literally. */
  readonly routePath: string;
  readonly query: URLSearchParams;
  /** By lower-case name; repeated headers joined with `, ` as `Headers.get` does. */
  readonly headers: Readonly<Record<string, string>>;
  readonly cookies: Readonly<Record<string, string>>;
  readonly rawBody: string;
  /** What could not be read: the request is answered 400 (413 when `tooLarge`) naming it. */
  readonly malformed?: { readonly problems: readonly string[]; readonly tooLarge: boolean };
  /** Filled by request validation: the parsed JSON body and path parameters. */
  body?: unknown;
  pathParameters: Record<string, string>;
}

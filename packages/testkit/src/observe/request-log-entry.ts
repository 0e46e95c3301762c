/** One request the simulator received, without secrets. */
export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly operationId?: string;
  readonly status: number;
  /** Headers as received, except secret ones (Authorization, Cookie, API keys): `[redacted]`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The `jti` of the simulator-issued access token the request carried, if any. */
  readonly tokenId?: string;
  /** The injected fault that shaped the answer, e.g. `status-503`, `reset`. */
  readonly fault?: string;
  readonly receivedAt: Date;
  /** A CORS preflight: only `onRequest` sees these, never `requests` or `stats`. */
  readonly preflight?: boolean;
}

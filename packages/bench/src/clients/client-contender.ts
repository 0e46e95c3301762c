/** How every client under test is built: against a base URL, optionally over an injected fetch. */
export interface ContenderOptions {
  readonly baseUrl: string;
  /** Replaces the transport, where the client accepts one; undefined: the real network. */
  readonly fetch?: typeof fetch;
}

/** One ready client: `listOrders` makes the protected call and reads its JSON body. */
export interface ContenderClient {
  listOrders(): Promise<unknown>;
  /** `POST /api/orders` with a JSON body, its JSON answer read (the baselines and loginkit). */
  createOrder?(): Promise<unknown>;
  /** Sign-ins/refreshes this client started (counted client-side, for the storm). */
  readonly signInsStarted: () => number;
}

export interface Contender {
  readonly name: string;
  /** What the client does for auth and retry here, so the table compares like with like. */
  readonly setup: string;
  create(options: ContenderOptions): Promise<ContenderClient>;
}

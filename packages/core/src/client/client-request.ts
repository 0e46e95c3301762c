/**
 * The Request class a client's openapi-fetch builds its requests with (and `client.fetch` its
 * own): a Request core made, for this call alone, so the hot path may send it as it is and put
 * the credentials on it just for the send. A Request the caller built is never touched.
 */
export class ClientRequest extends Request {
  /**
   * The caller's own signal, or none. Kept because `request.signal` is a copy that exists even
   * when the caller gave none (so listening to it would cost every call), and one that follows
   * the caller's only while this Request lives (nodejs/node#55428).
   */
  readonly callerSignal?: AbortSignal;

  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init);
    if (init?.signal) this.callerSignal = init.signal;
  }
}

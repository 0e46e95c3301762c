/**
 * The Request class a client's openapi-fetch builds its requests with (and `client.fetch` its
 * own): a Request core made, for this call alone, so the first attempt may send it as it is and
 * put the credentials on it. A Request the caller built is never touched.
 */
export class ClientRequest extends Request {
  /**
   * The caller's own signal, or none. Not given to the Request itself: a Request links its
   * signal to the caller's with a listener that stays until the Request is garbage collected
   * (nodejs/node#55428), so one app-wide signal would collect a listener per call. Core honours
   * it itself, and lets go once the answer's body is read.
   */
  readonly callerSignal?: AbortSignal;
  /** The body as given, when it can be given again (anything but a stream). */
  readonly replayableBody?: BodyInit;

  constructor(input: RequestInfo | URL, init?: RequestInit) {
    const signal = init?.signal;
    super(input, signal ? { ...init, signal: null } : init);
    if (signal) this.callerSignal = signal;
    const body = init?.body;
    if (body !== undefined && body !== null && !(body instanceof ReadableStream)) {
      this.replayableBody = body;
    }
  }
}

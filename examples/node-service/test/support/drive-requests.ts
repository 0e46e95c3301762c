export interface DriveOptions {
  readonly url: string;
  readonly total: number;
  /** Requests in flight at once. */
  readonly lanes: number;
  /** The requests are spread over this long, so the run spans several token lifetimes. */
  readonly spreadMs: number;
  /** Called before each request with how many have started. */
  readonly onStart?: (started: number) => void;
}

export interface DriveResult {
  readonly ok: number;
  /** Each failed request: its status, or the error's name when nothing came back. */
  readonly failures: string[];
  /** Requests a dead worker took and never answered, sent again once (as a load balancer does). */
  readonly resentAfterConnectionLoss: number;
  readonly tokenIds: Set<string>;
  readonly servedBy: Set<string>;
  readonly milliseconds: number;
}

/**
 * Sends `total` GETs at the service, request n starting no earlier than n × spreadMs / total
 * after the first. A request whose connection broke before any answer (its worker was killed)
 * is sent once more: that is the caller's (or its load balancer's) part; what this test checks
 * is that no request that reached a worker failed.
 */
export async function driveRequests(options: DriveOptions): Promise<DriveResult> {
  const started = performance.now();
  const failures: string[] = [];
  const tokenIds = new Set<string>();
  const servedBy = new Set<string>();
  let ok = 0;
  let resentAfterConnectionLoss = 0;
  let next = 0;

  const send = async (): Promise<Response> => {
    try {
      return await fetch(options.url, { signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      if ((error as Error).name !== "TypeError") throw error; // undici: "fetch failed"
      resentAfterConnectionLoss++;
      return fetch(options.url, { signal: AbortSignal.timeout(30_000) });
    }
  };
  const lane = async () => {
    while (next < options.total) {
      const index = next++;
      const due = started + (index * options.spreadMs) / options.total;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      options.onStart?.(index + 1);
      try {
        const response = await send();
        const body = (await response.json()) as { tokenId?: string };
        if (response.status !== 200 || typeof body.tokenId !== "string") {
          failures.push(`HTTP ${response.status}`);
          continue;
        }
        ok++;
        tokenIds.add(body.tokenId);
        servedBy.add(response.headers.get("x-served-by") ?? "unknown");
      } catch (error) {
        failures.push((error as Error).name);
      }
    }
  };
  await Promise.all(Array.from({ length: options.lanes }, lane));
  return {
    ok,
    failures,
    resentAfterConnectionLoss,
    tokenIds,
    servedBy,
    milliseconds: performance.now() - started,
  };
}

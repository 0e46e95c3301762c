// `@loginkit/testkit/msw`: request handlers for MSW 2 (`setupServer` in Node and jsdom,
// `setupWorker` in browsers). Nothing this entry loads imports from `node:`.
import { type HttpHandler, http } from "msw";
import type { FetchHandler } from "./simulator/fetch-handler.js";

/** What the handlers need of a simulator: where it answers and its fetch handler. */
export interface MswSimulator {
  readonly url: string;
  handle: FetchHandler;
}

/**
 * One MSW handler per simulator, answering every request to the simulator's origin with the
 * simulator's own fetch handler, so MSW answers exactly as the server and `sim.fetch` do.
 *
 * @example
 * const sim = await createSimulator("vero-oms");
 * const server = setupServer(...createMswHandlers(sim));
 * server.listen({ onUnhandledRequest: "error" });
 * const client = createVeroOmsClient({ baseUrl: sim.url, credentials: sim.accounts[0].credentials });
 */
export function createMswHandlers(...simulators: readonly MswSimulator[]): HttpHandler[] {
  return simulators.map((simulator) =>
    http.all(originPattern(simulator.url), async ({ request }) => {
      try {
        return await simulator.handle(request);
      } catch (error) {
        // The client gave up (its timeout fired during a `delayMs` fault): end quietly, as a
        // server whose client hung up does, instead of MSW reporting an unhandled exception.
        if (request.signal.aborted) return Response.error();
        throw error;
      }
    }),
  );
}

/**
 * Every URL of the simulator's origin, as a RegExp without capture groups: MSW decodes what a
 * path pattern captures with `decodeURIComponent`, so a `/*` pattern made a request with a bad
 * `%`-escape throw inside MSW (a 500 with a stack) before the simulator could answer it 400.
 */
function originPattern(url: string): RegExp {
  const origin = new URL(url).origin.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return new RegExp(`^${origin}(?:[/?#].*)?$`);
}

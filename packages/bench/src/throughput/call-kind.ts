import type { ContenderClient } from "../clients/client-contender.js";
import { requestContenders } from "../clients/contenders.js";

/** The two calls the request benchmarks time: a bodiless GET, and a POST with a JSON body. */
export type CallKind = "GET" | "POST";

/** One call of `kind` through `client`, its JSON answer read. */
export function makeCall(client: ContenderClient, kind: CallKind): () => Promise<unknown> {
  if (kind === "GET") return () => client.listOrders();
  const createOrder = client.createOrder;
  if (!createOrder) throw new Error("this client makes no POST in the benchmark");
  return () => createOrder();
}

/**
 * Who takes part for `kind`: every client for the GET; for the POST, the baselines and loginkit
 * (the comparison the targets are stated against).
 */
export function contendersFor(kind: CallKind) {
  return kind === "GET"
    ? requestContenders
    : requestContenders.filter((contender) =>
        ["raw fetch", "bare openapi-fetch", "loginkit"].includes(contender.name),
      );
}

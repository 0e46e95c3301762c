import { newOrder } from "../server/bench-provider.js";
import type { Contender } from "./client-contender.js";
import { signInOnce } from "./sign-in-once.js";

export const rawFetch: Contender = {
  name: "raw fetch",
  setup: "fetch + a static bearer header; no retry, no renewal",
  async create({ baseUrl, fetch: fetchImpl = fetch }) {
    const authorization = `Bearer ${await signInOnce(baseUrl, fetchImpl)}`;
    const url = `${baseUrl}/api/orders`;
    return {
      listOrders: async () => (await fetchImpl(url, { headers: { authorization } })).json(),
      createOrder: async () =>
        (
          await fetchImpl(url, {
            method: "POST",
            headers: { authorization, "content-type": "application/json" },
            body: JSON.stringify(newOrder),
          })
        ).json(),
      signInsStarted: () => 1,
    };
  },
};

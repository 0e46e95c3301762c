import createClient from "openapi-fetch";
import { type BenchPaths, newOrder } from "../server/bench-provider.js";
import type { Contender } from "./client-contender.js";
import { signInOnce } from "./sign-in-once.js";

export const bareOpenapiFetch: Contender = {
  name: "bare openapi-fetch",
  setup: "createClient + a static bearer header; no retry, no renewal",
  async create({ baseUrl, fetch: fetchImpl }) {
    const token = await signInOnce(baseUrl, fetchImpl);
    const client = createClient<BenchPaths>({
      baseUrl,
      fetch: fetchImpl,
      headers: { authorization: `Bearer ${token}` },
    });
    return {
      listOrders: async () => (await client.GET("/api/orders")).data,
      createOrder: async () => (await client.POST("/api/orders", { body: newOrder })).data,
      signInsStarted: () => 1,
    };
  },
};

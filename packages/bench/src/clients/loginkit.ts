import { createProviderClient } from "@loginkit/core";
import type { VeroOmsTypes } from "@loginkit/vero-oms";
import {
  type BenchPaths,
  benchCredentials,
  benchProvider,
  newOrder,
} from "../server/bench-provider.js";
import type { Contender } from "./client-contender.js";

type BenchTypes = Omit<VeroOmsTypes, "paths"> & { paths: BenchPaths };

export const loginkit: Contender = {
  name: "loginkit",
  setup:
    "core's createProviderClient with Vero's generated description + `GET /api/orders`; default retry and timeout, lazy sign-in, replay after 401",
  async create({ baseUrl, fetch: fetchImpl }) {
    let signIns = 0;
    const client = createProviderClient<BenchTypes>(benchProvider, {
      baseUrl,
      fetch: fetchImpl,
      credentials: benchCredentials,
    });
    // Only the events the benchmark counts: per-request events are then never built, as for
    // any app that logs sign-ins alone.
    client.onEvent(() => signIns++, { types: ["signed-in", "renewed"] });
    return {
      listOrders: async () => (await client.GET("/api/orders")).data,
      createOrder: async () => (await client.POST("/api/orders", { body: newOrder })).data,
      signInsStarted: () => signIns,
    };
  },
};

import { createMemoryTokenStore } from "@loginkit/core";
import { describe } from "vitest";
import { describeStoreContract } from "./contract/store-contract.js";

describe("core's memory store keeps the coordination contract (participants: one shared object)", () => {
  describeStoreContract(async () => {
    const store = createMemoryTokenStore();
    return { open: async () => store, close: async () => {} };
  });
});

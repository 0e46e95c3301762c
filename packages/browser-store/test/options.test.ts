import { expect, test } from "vitest";
import { BrowserStoreError, createBrowserTokenStore } from "../src/index.js";

// Checked before anything else, so a wrong option is named even where the store cannot run.

test.each([
  ["a lease TTL, which is the client's", { leaseTtl: 60_000 }, /leaseTtl/],
  ["a timeout no timer holds", { timeout: 2 ** 31 }, /timeout/],
  ["a zero timeout", { timeout: 0 }, /timeout/],
  ["a fractional handOffTimeout", { handOffTimeout: 2.5 }, /handOffTimeout/],
  ["an unknown storage", { storage: "cookies" }, /storage/],
  ["an empty name", { name: "" }, /name/],
  ["an onEvent that is not a function", { onEvent: 1 }, /onEvent/],
])("%s is refused when the store is created, naming the option", (_, options, message) => {
  const create = () => createBrowserTokenStore(options as never);
  expect(create).toThrow(BrowserStoreError);
  expect(create).toThrow(message);
});

test("options that are not an object are a BrowserStoreError, not a TypeError", () => {
  expect(() => createBrowserTokenStore(null as never)).toThrow(BrowserStoreError);
});

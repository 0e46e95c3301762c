import { expect, test } from "vitest";
import { readTabMessage } from "../src/tabs/tab-message.js";

test.each([
  ["null", null],
  ["a string", "changed"],
  ["no key", { type: "changed" }],
  ["an unknown type", { type: "evict", key: "k" }],
])("%s is not a tab message", (_, data) => {
  expect(readTabMessage(data)).toBeUndefined();
});

test.each(["changed", "applied", "released", "ask", "answer", "refused"])(
  "a %s message is read",
  (type) => {
    expect(readTabMessage({ type, key: "k" })).toEqual({ type, key: "k" });
  },
);

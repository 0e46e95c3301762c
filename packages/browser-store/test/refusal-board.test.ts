import { afterEach, expect, test, vi } from "vitest";
import { checkRefusalRecord, createRefusalBoard } from "../src/refusals/refusal-board.js";

const refusal = { fingerprint: "f1", message: "Invalid credentials", status: 401 };

afterEach(() => {
  vi.unstubAllGlobals();
});

/** localStorage as a tab sees it: one Map behind every board of the origin. */
function stubLocalStorage(items = new Map<string, string>()) {
  vi.stubGlobal("localStorage", {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  });
  return items;
}

test.each([
  ["null", null],
  ["no until", { refusal }],
  ["an until that is not a number", { refusal, until: "soon" }],
  ["no fingerprint", { refusal: { message: "x" }, until: 1 }],
  ["a message that is not text", { refusal: { fingerprint: "f", message: 1 }, until: 1 }],
])("%s is not a refusal record", (_, value) => {
  expect(checkRefusalRecord(value)).toBeUndefined();
});

test("a record keeps only the fields core reads", () => {
  expect(checkRefusalRecord({ refusal: { ...refusal, code: 7, extra: "x" }, until: 5 })).toEqual({
    refusal,
    until: 5,
  });
});

test("a refusal stands until its time, then is gone", () => {
  const board = createRefusalBoard("memory", "s");
  board.record("k", { refusal, until: 1_000 });
  expect(board.standing("k", 999)?.refusal).toEqual(refusal);
  expect(board.standing("k", 1_000)).toBeUndefined();
  expect(board.standing("other", 0)).toBeUndefined();
});

test("a refusal heard from another tab never replaces a later one", () => {
  const board = createRefusalBoard("memory", "s");
  board.record("k", { refusal, until: 2_000 });
  board.remember("k", { refusal: { ...refusal, fingerprint: "old" }, until: 1_000 });
  expect(board.standing("k", 0)?.refusal.fingerprint).toBe("f1");
  board.remember("k", { refusal: { ...refusal, fingerprint: "new" }, until: 3_000 });
  expect(board.standing("k", 0)?.refusal.fingerprint).toBe("new");
});

test("with local storage a board opened later reads the refusal; a memory one does not (open tabs hand it over)", () => {
  const items = stubLocalStorage();
  createRefusalBoard("local", "s").record("k", { refusal, until: 1_000 });
  expect(createRefusalBoard("local", "s").standing("k", 0)).toEqual({ refusal, until: 1_000 });
  expect(createRefusalBoard("memory", "s").standing("k", 0)).toBeUndefined();
  // Kept apart from the sessions (`s:<key>`): no session key can overwrite it.
  expect([...items.keys()]).toEqual(["s#refusal:k"]);
});

test("an unreadable stored refusal, or storage that throws, means no refusal: the sign-in is tried", () => {
  stubLocalStorage(new Map([["s#refusal:k", "{not json"]]));
  expect(createRefusalBoard("local", "s").standing("k", 0)).toBeUndefined();
  vi.stubGlobal("localStorage", {
    getItem: () => {
      throw new Error("SecurityError");
    },
    setItem: () => {
      throw new Error("QuotaExceededError");
    },
  });
  const board = createRefusalBoard("local", "s");
  expect(() => board.record("k", { refusal, until: 1_000 })).not.toThrow();
  // What this tab recorded itself still stands.
  expect(board.standing("k", 0)?.refusal).toEqual(refusal);
});

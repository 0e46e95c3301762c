import { afterEach, expect, test, vi } from "vitest";
import { checkRefusalRecord, createRefusalBoard } from "../src/refusals/refusal-board.js";

const refusal = { fingerprint: "f1", message: "Invalid credentials", status: 401 };
const standingUntil = (until: number, recordedAt = 0) => ({ refusal, recordedAt, until });

afterEach(() => {
  vi.unstubAllGlobals();
});

/** localStorage as a tab sees it: one Map behind every board of the origin. */
function stubLocalStorage(items = new Map<string, string>()) {
  vi.stubGlobal("localStorage", {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  });
  return items;
}

test.each([
  ["null", null],
  ["no until", { refusal, recordedAt: 0 }],
  ["no recordedAt", { refusal, until: 1 }],
  ["an until that is not a number", { refusal, recordedAt: 0, until: "soon" }],
  ["an until before it was recorded", { refusal, recordedAt: 10, until: 5 }],
  ["an until further off than any cool-down", { refusal, recordedAt: 0, until: 2 ** 32 }],
  ["an until that never comes", { refusal, recordedAt: 0, until: Number.POSITIVE_INFINITY }],
  ["no fingerprint", { refusal: { message: "x" }, recordedAt: 0, until: 1 }],
  [
    "a message that is not text",
    { refusal: { fingerprint: "f", message: 1 }, recordedAt: 0, until: 1 },
  ],
])("%s is not a refusal record", (_, value) => {
  expect(checkRefusalRecord(value, 0)).toBeUndefined();
});

test("a record far in the future is refused, however it was recorded", () => {
  const now = 1_000;
  const ahead = now + 2 ** 31;
  expect(checkRefusalRecord({ refusal, recordedAt: ahead, until: ahead + 1 }, now)).toBeUndefined();
});

test("a record keeps only the fields core reads", () => {
  expect(
    checkRefusalRecord(
      { refusal: { ...refusal, code: 7, extra: "x" }, recordedAt: 1, until: 5 },
      0,
    ),
  ).toEqual({ refusal, recordedAt: 1, until: 5 });
});

test("a refusal stands until its time, then is gone", () => {
  const board = createRefusalBoard("memory", "s");
  board.record("k", standingUntil(1_000));
  expect(board.standing("k", 999)?.refusal).toEqual(refusal);
  expect(board.standing("k", 1_000)).toBeUndefined();
  expect(board.standing("other", 0)).toBeUndefined();
});

test("the refusal recorded last stands, whichever lapses later", () => {
  const board = createRefusalBoard("memory", "s");
  board.record("k", { refusal, recordedAt: 200, until: 5_000 });
  board.remember("k", {
    refusal: { ...refusal, fingerprint: "old" },
    recordedAt: 100,
    until: 9_000,
  });
  expect(board.standing("k", 0)?.refusal.fingerprint).toBe("f1");
  board.remember("k", {
    refusal: { ...refusal, fingerprint: "new" },
    recordedAt: 300,
    until: 1_000,
  });
  expect(board.standing("k", 0)?.refusal.fingerprint).toBe("new");
});

test("with local storage a board opened later reads the refusal; a memory one does not (open tabs hand it over)", () => {
  const items = stubLocalStorage();
  createRefusalBoard("local", "s").record("k", standingUntil(1_000));
  expect(createRefusalBoard("local", "s").standing("k", 0)).toEqual(standingUntil(1_000));
  expect(createRefusalBoard("memory", "s").standing("k", 0)).toBeUndefined();
  // Kept apart from the sessions (`s:<key>`): no session key can overwrite it.
  expect([...items.keys()]).toEqual(["s#refusal:k"]);
});

test("a lapsed refusal is removed from local storage, not kept on disk", () => {
  const items = stubLocalStorage();
  const board = createRefusalBoard("local", "s");
  board.record("k", standingUntil(1_000));
  expect(board.standing("k", 999)).toBeDefined();
  expect(items.size).toBe(1);
  expect(board.standing("k", 1_000)).toBeUndefined();
  expect(items.size).toBe(0);
});

test("an unreadable stored refusal, or storage that throws, means no refusal: the sign-in is tried", () => {
  stubLocalStorage(new Map([["s#refusal:k", "{not json"]]));
  expect(createRefusalBoard("local", "s").standing("k", 0)).toBeUndefined();
  const denied = () => {
    throw new Error("SecurityError");
  };
  vi.stubGlobal("localStorage", { getItem: denied, setItem: denied, removeItem: denied });
  const board = createRefusalBoard("local", "s");
  expect(() => board.record("k", standingUntil(1_000))).not.toThrow();
  // What this tab recorded itself still stands, and lapses without a throw.
  expect(board.standing("k", 0)?.refusal).toEqual(refusal);
  expect(board.standing("k", 1_000)).toBeUndefined();
});

import { describe, expect, test } from "vitest";
import {
  appendPointer,
  formatJsonPointer,
  parseJsonPointer,
  readPointer,
  writePointer,
} from "../src/rules/json-pointer.js";
import { responseBodyPointer, sessionFieldOf } from "../src/rules/runtime-expression.js";

const document = { a: { "b/c": { "~d": [10, 20] } }, "": { x: 1 }, list: [{ id: "first" }] };

describe("JSON pointers", () => {
  test.each([
    ["", []],
    ["/a", ["a"]],
    ["/a/b~1c/~0d", ["a", "b/c", "~d"]],
    ["/", [""]],
    ["/~01", ["~1"]],
  ])("%j splits into %j and back", (pointer, tokens) => {
    expect(parseJsonPointer(pointer)).toEqual(tokens);
    expect(formatJsonPointer(tokens)).toBe(pointer);
  });

  test("a pointer that does not start with / is refused", () => {
    expect(() => parseJsonPointer("a/b")).toThrow(SyntaxError);
  });

  test.each([
    ["/a/b~1c/~0d/1", 20],
    ["//x", 1],
    ["/list/0/id", "first"],
    ["/a/missing", undefined],
    ["/list/0/id/length", undefined],
    ["/constructor", undefined],
  ])("reads %j as %j", (pointer, value) => {
    expect(readPointer(document, pointer)).toEqual(value);
  });

  test("writes create the objects on the way and undefined deletes", () => {
    const target: Record<string, unknown> = {};
    writePointer(target, appendPointer("", "error", "a/b"), "x");
    expect(target).toEqual({ error: { "a/b": "x" } });
    writePointer(target, "/error/a~1b", undefined);
    expect(target).toEqual({ error: {} });
  });
});

describe("runtime expressions", () => {
  test.each([
    ["$response.body#/jwt", "/jwt"],
    ["$response.body#/session/expires_at", "/session/expires_at"],
    ["$response.body#", ""],
    ["$response.body#jwt", undefined],
    ["$response.header.x", undefined],
    [undefined, undefined],
  ])("%j points at %j", (expression, pointer) => {
    expect(responseBodyPointer(expression)).toBe(pointer);
  });

  test.each([
    ["$session.refreshToken", "refreshToken"],
    ["$session.", undefined],
    ["refresh_token", undefined],
  ])("%j names the session field %j", (expression, field) => {
    expect(sessionFieldOf(expression)).toBe(field);
  });
});

import { afterAll, expect, test } from "vitest";
import {
  AbortError,
  AuthenticationError,
  HttpError,
  LoginkitError,
  NetworkError,
  RetriesExhaustedError,
  TimeoutError,
} from "../src/index.js";
import {
  expectNoLeakedSecrets,
  PASSWORD,
  recordOutput,
  rememberSecret,
} from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

const TOKEN = rememberSecret("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnLUVSUk9SUw");
const request = {
  method: "post",
  url: `https://user:${PASSWORD}@p.test/x?access_token=${TOKEN}&page=2`,
};

test.each([
  [
    "HttpError",
    () => new HttpError("failed", { status: 500, body: { access_token: TOKEN }, request }),
  ],
  [
    "AuthenticationError",
    () => new AuthenticationError("refused", { status: 401, code: "BAD", request }),
  ],
  [
    "NetworkError",
    () => new NetworkError("no response", { cause: new TypeError("fetch failed"), request }),
  ],
  ["TimeoutError", () => new TimeoutError("slow", { timeout: 5, request })],
  ["AbortError", () => new AbortError("aborted", { request })],
  [
    "RetriesExhaustedError",
    () =>
      new RetriesExhaustedError("gave up", { attempts: 3, request, cause: new NetworkError("x") }),
  ],
])("%s is a LoginkitError with its own name and a redacted request", (name, make) => {
  const error = recordOutput(make());
  expect(error).toBeInstanceOf(LoginkitError);
  expect(error.name).toBe(name);
  expect(String(error)).toMatch(new RegExp(`^${name}: `));
  expect(error.request).toEqual({
    method: "POST",
    url: "https://p.test/x?access_token=%5Bredacted%5D&page=2",
  });
  expect(error.toJSON()).toMatchObject({ name, request: error.request });
});

test("HttpError keeps the body but redacts token fields in toJSON and hides the response", () => {
  const response = new Response("{}", { status: 500 });
  const error = recordOutput(
    new HttpError("failed", { status: 500, body: { access_token: TOKEN, detail: "x" }, response }),
  );
  expect(error.response).toBe(response);
  expect(error.toJSON()).toMatchObject({
    status: 500,
    body: { access_token: "[redacted]", detail: "x" },
  });
  expect(Object.keys(error)).not.toContain("response");
});

test("the cause is passed through and summarised in toJSON", () => {
  const cause = new TypeError("fetch failed");
  const error = recordOutput(new NetworkError("no response", { cause }));
  expect(error.cause).toBe(cause);
  expect(error.toJSON().cause).toEqual({ name: "TypeError", message: "fetch failed" });
});

test("JWT-shaped query values are redacted whatever the parameter is called", () => {
  const error = recordOutput(
    new LoginkitError("x", { request: { method: "get", url: `https://p.test/?q=${TOKEN}` } }),
  );
  expect(error.request?.url).toBe("https://p.test/?q=%5Bredacted%5D");
});

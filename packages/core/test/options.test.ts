import { afterAll, describe, expect, expectTypeOf, test } from "vitest";
import {
  ConfigurationError,
  createProviderClient,
  defaultRetryOptions,
  type NormalizedRetryOptions,
  normalizeRetryOptions,
  type ProviderClient,
} from "../src/index.js";
import { veroLike } from "./helpers/fixtures.js";
import { expectNoLeakedSecrets, recordOutput } from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

describe("normalizeRetryOptions", () => {
  test.each([
    [undefined, defaultRetryOptions.limit],
    [false, 0],
    [5, 5],
    [{ limit: 1 }, 1],
    [{ limit: undefined }, defaultRetryOptions.limit],
  ] as const)("%j gives limit %i", (input, limit) => {
    expect(normalizeRetryOptions(input).limit).toBe(limit);
  });

  test("a negative limit is a ConfigurationError, not clamped to 0", () => {
    expect(() => normalizeRetryOptions(-1)).toThrow(/`retry` must be a whole number from 0/);
  });

  test("keeps defaults for fields not given and upper-cases methods", () => {
    const options = normalizeRetryOptions({ methods: ["get", "post"] });
    expect(options.methods).toEqual(["GET", "POST"]);
    expect(options.statusCodes).toEqual([408, 429, 500, 502, 503, 504]);
  });

  test("returns the normalised type", () => {
    expectTypeOf(normalizeRetryOptions(3)).toEqualTypeOf<NormalizedRetryOptions>();
    expectTypeOf(normalizeRetryOptions)
      .parameter(0)
      .toEqualTypeOf<Parameters<typeof normalizeRetryOptions>[0]>();
    // @ts-expect-error strings are not a retry shorthand
    expect(() => normalizeRetryOptions("3")).toThrow(ConfigurationError);
  });
});

describe("client types", () => {
  interface VeroTypes {
    paths: Record<string, never>;
    credentials: { email: string; password: string };
    signInData: { jwt: string };
    sessionData: { user: string };
  }

  test("login and session are typed by the provider's types", () => {
    const client = createProviderClient<VeroTypes>(veroLike, { fetch: async () => new Response() });
    expectTypeOf(client).toEqualTypeOf<ProviderClient<VeroTypes>>();
    expectTypeOf(client.login).parameter(0).toEqualTypeOf<VeroTypes["credentials"] | undefined>();
    expectTypeOf(client.login).returns.resolves.toEqualTypeOf<{ jwt: string }>();
    expectTypeOf(client.session).returns.resolves.toEqualTypeOf<{ user: string }>();
    expectTypeOf(client.fetch).toEqualTypeOf<typeof fetch>();
    // @ts-expect-error credentials must match the provider's shape
    createProviderClient<VeroTypes>(veroLike, { credentials: { user: 1 } });
    recordOutput({ type: "typed" });
  });
});

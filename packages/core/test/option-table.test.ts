import { describe, expect, test } from "vitest";
import {
  ConfigurationError,
  createProviderClient,
  defaultClientOptions,
  defaultRetryOptions,
} from "../src/index.js";
import { CLIENT_OPTIONS } from "../src/options/client-option-table.js";
import { RETRY_OPTIONS } from "../src/options/retry-option-table.js";
import { veroLike } from "./helpers/fixtures.js";

// Each table is the one description of its options: these walk every row, so an option added
// to a table is checked and documented by its default with no test to remember.
const notAnyOption = { surely: "not an option value" };

describe("every row of the client option table", () => {
  test.each(Object.keys(CLIENT_OPTIONS))("a wrong `%s` fails creation, naming it", (name) => {
    const create = () => createProviderClient(veroLike, { [name]: notAnyOption });
    expect(create).toThrow(ConfigurationError);
    expect(create).toThrow(new RegExp(`\`${name}(\\.\\w+)?\` must be`));
  });

  test("its defaults are the ones core exports", () => {
    expect(defaultClientOptions).toEqual({
      timeout: 30_000,
      renewBeforeExpiry: 30_000,
      storeTimeout: 5_000,
      refusalCoolDown: 300_000,
      maxResponseBytes: 1_048_576,
      maxErrorBodyBytes: 65_536,
    });
  });
});

describe("every row of the retry option table", () => {
  test.each(Object.keys(RETRY_OPTIONS))("a wrong `retry.%s` fails creation, naming it", (name) => {
    const create = () => createProviderClient(veroLike, { retry: { [name]: notAnyOption } });
    expect(create).toThrow(ConfigurationError);
    expect(create).toThrow(new RegExp(`\`retry\\.${name}\` must be`));
  });

  test("a misspelt field is refused by name with the fields the table has", () => {
    expect(() => createProviderClient(veroLike, { retry: { retries: 3 } as never })).toThrow(
      `\`retry.retries\` is not an option (retry takes ${Object.keys(RETRY_OPTIONS).join(", ")})`,
    );
  });

  test("its defaults are the ones core exports", () => {
    expect(defaultRetryOptions).toEqual({
      limit: 2,
      methods: ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"],
      statusCodes: [408, 429, 500, 502, 503, 504],
      maxRetryAfter: 60_000,
      baseDelay: 300,
      maxDelay: 10_000,
      jitter: true,
      budget: 60_000,
    });
  });
});

import { afterAll, expect, expectTypeOf, test } from "vitest";
import {
  ConfigurationError,
  createCookieJar,
  createTypedClient,
  type ProviderTypesOf,
  refreshSession,
  type TypedProviderTypes,
} from "../src/index.js";
import { FakeProvider } from "./helpers/fake-provider.js";
import { enadLike, orgLike, veroLike } from "./helpers/fixtures.js";
import { expectNoLeakedSecrets, PASSWORD, recordOutput } from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

// What openapi-typescript would write for an Enad-like spec, cut to what the typed calls read.
interface EnadLikeOperations {
  signIn: {
    parameters: { path: { app_id: string } };
    requestBody: { content: { "application/json": { email: string; password: string } } };
    responses: { 200: { content: { "application/json": { access_token: string } } } };
  };
  listDevices: {
    parameters: { path: { app_id: string }; query?: { page?: number } };
    responses: { 200: { content: { "application/json": { devices: string[] } } } };
  };
}
type EnadLikeDescription = {
  signIn: { operationId: "signIn" };
  servers: ["https://api.enad.test"];
};
type NoPaths = Record<string, never>;
type EnadLikeTypes = ProviderTypesOf<
  EnadLikeDescription,
  NoPaths,
  EnadLikeOperations,
  { appId: string }
>;
const table = { listDevices: ["GET", "/api/v1/{app_id}/devices", { app_id: "appId" }] } as const;

function createEnadLike(provider = new FakeProvider("enad")) {
  const client = createTypedClient<EnadLikeTypes, typeof table>(enadLike, table, {
    appId: "app-from-client",
    credentials: { email: "ada@example.com", password: PASSWORD },
    fetch: provider.fetch,
    retry: false,
    onEvent: (event) => void recordOutput(event),
  });
  return { client, provider };
}

test("a typed call fills the path input from the client's value and carries the session's token", async () => {
  const { client, provider } = createEnadLike();
  const { response } = await client.operations.listDevices({ params: { query: { page: 2 } } });
  expect(response.status).toBe(200);
  const sent = provider.requests.at(-1)!;
  expect(new URL(sent.url).pathname).toBe("/api/v1/app-from-client/devices");
  expect(new URL(sent.url).search).toBe("?page=2");
  expect(sent.tokenIndex).toBe(0);
});

test("a call's own path value wins over the client's", async () => {
  const { client, provider } = createEnadLike();
  await client.operations.listDevices({ params: { path: { app_id: "app-for-this-call" } } });
  expect(new URL(provider.requests.at(-1)!.url).pathname).toBe("/api/v1/app-for-this-call/devices");
});

test("the types come from the description and the operations: credentials, answers, filled paths", () => {
  const { client } = createEnadLike();
  expectTypeOf(client.signIn)
    .parameter(0)
    .toEqualTypeOf<{ email: string; password: string } | undefined>();
  expectTypeOf(client.signIn).returns.resolves.toEqualTypeOf<{ access_token: string }>();
  // The filled path parameter may be left out; an undeclared query parameter may not be given.
  expectTypeOf(client.operations.listDevices).toBeCallableWith();
  // @ts-expect-error: `size` is not a query parameter of listDevices
  void (() => client.operations.listDevices({ params: { query: { size: 2 } } }));
  // @ts-expect-error: sign-in is the client's own call, not a typed operation here
  void (() => client.operations.signIn);
});

test("signIn and signOut are the verbs; login and logout remain as deprecated aliases of them", async () => {
  const { client, provider } = createEnadLike();
  await client.signIn();
  await client.signOut();
  await client.login();
  await client.logout();
  expect(provider.signIns).toBe(2);
  expect(client.login).toBe(client.signIn);
  expect(client.logout).toBe(client.signOut);
});

test("a provider with a refresh call keeps refresh() as a deprecated alias of renew(); others have none", async () => {
  type OrgLikeTypes = ProviderTypesOf<
    { signIn: { operationId: "signIn" }; refresh: object; servers: ["https://org.test"] },
    NoPaths,
    Pick<EnadLikeOperations, "signIn">,
    { organizationId?: string }
  >;
  const provider = new FakeProvider("org");
  const noOperations = {} as const;
  // As a generated provider.ts does: the refresh code is handed over, not assumed.
  const withRefresh = { ...orgLike, features: { refreshSession } };
  const org = createTypedClient<OrgLikeTypes, typeof noOperations>(withRefresh, noOperations, {
    credentials: { email: "ada@example.com", password: PASSWORD },
    fetch: provider.fetch,
    organizationId: "org-9",
  });
  await org.getAccessToken();
  await org.refresh();
  expect(provider.refreshes).toBe(1);
  expect("refresh" in createEnadLike().client).toBe(false);
});

test("a typed client whose description calls for refresh or cookies without their code says what to regenerate", () => {
  const noOperations = {} as const;
  const options = { credentials: { email: "ada@example.com", password: PASSWORD } };
  const create = (description: typeof orgLike) => () =>
    createTypedClient<TypedProviderTypes, typeof noOperations>(description, noOperations, {
      ...options,
      organizationId: "org-9",
    } as never);
  expect(create(orgLike)).toThrow(ConfigurationError);
  expect(create(orgLike)).toThrow(/refreshSession \(a refresh operation\).*pnpm generate/);
  expect(create({ ...veroLike })).toThrow(/createCookieJar \(cookies: true\)/);
  expect(create({ ...veroLike, features: { createCookieJar } })).not.toThrow();
});

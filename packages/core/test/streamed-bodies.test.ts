import { afterAll, expect, test } from "vitest";
import { setup } from "./helpers/clients.js";
import { type FakeProvider, statusFault } from "./helpers/fake-provider.js";
import { expectNoLeakedSecrets } from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

const encode = (text: string) => new TextEncoder().encode(text);

/**
 * An upload whose second half is produced only once the provider has started receiving it: a
 * client that read the body into memory before sending would wait for ever (here: fail after
 * 2 s), since the stream does not end until the request is out.
 */
function liveUpload() {
  let finish = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encode("first half, "));
      finish = () => {
        controller.enqueue(encode("second half"));
        controller.close();
      };
    },
  });
  return { body, finish: () => finish() };
}

/** The provider's fetch, which lets the upload finish once the upload request arrives. */
function receiving(provider: FakeProvider, upload: { finish(): void }) {
  let finished = false;
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (request.url.endsWith("/api/uploads") && !finished) {
      finished = true;
      upload.finish();
    }
    return provider.fetch(request);
  };
}

const send = (client: { fetch: typeof fetch }, body: ReadableStream<Uint8Array>) => {
  const call = client.fetch("https://vero.test/api/uploads", {
    method: "POST",
    body,
    duplex: "half",
  } as RequestInit);
  const tooLate = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error("the upload was not sent while it was produced")), 2_000),
  );
  return Promise.race([call, tooLate]);
};

test("a streamed request body goes out as it is produced, not read into memory first", async () => {
  const upload = liveUpload();
  const { provider } = setup("vero");
  const streaming = setup("vero", { fetch: receiving(provider, upload) }, provider).client;
  const response = await send(streaming, upload.body);
  expect(response.status).toBe(200);
  expect(provider.requests.at(-1)?.body).toBe("first half, second half");
});

test("a streamed body refused with 401 is not replayed: the token is renewed and the 401 returned", async () => {
  const upload = liveUpload();
  const { provider } = setup("vero");
  const streaming = setup("vero", { fetch: receiving(provider, upload) }, provider).client;
  await streaming.signIn();
  provider.revokeAll();
  const response = await send(streaming, upload.body);
  expect(response.status).toBe(401);
  // Renewed once for the refused upload, which is never sent again.
  expect(provider.signIns).toBe(2);
  const uploads = provider.requests.filter((request) => request.url.endsWith("/api/uploads"));
  expect(uploads).toHaveLength(1);
  // The next call goes out with the renewed token.
  const next = await streaming.fetch("https://vero.test/api/orders");
  expect(next.status).toBe(200);
  expect(provider.requests.at(-1)?.tokenIndex).toBe(1);
});

test("a streamed body is not retried after a 503, which a buffered one would be", async () => {
  const upload = liveUpload();
  const { provider } = setup("vero");
  const streaming = setup(
    "vero",
    { fetch: receiving(provider, upload), retry: { baseDelay: 1, methods: ["POST"] } },
    provider,
  ).client;
  await streaming.signIn();
  provider.faults.push(statusFault(503));
  const response = await send(streaming, upload.body);
  expect(response.status).toBe(503);
  const uploads = provider.requests.filter((request) => request.url.endsWith("/api/uploads"));
  expect(uploads).toHaveLength(1);

  // The same call with a string body is retried: the body was read once and can be sent again.
  provider.faults.push(statusFault(503));
  const buffered = await streaming.fetch("https://vero.test/api/uploads", {
    method: "POST",
    body: "a small body",
  });
  expect(buffered.status).toBe(200);
  expect(provider.requests.filter((request) => request.body === "a small body")).toHaveLength(2);
});

/**
 * A fetch that remembers every secret that crossed it: the credentials it was told about, each
 * `Authorization` and API-key header sent, and every token field of every answer. The test then
 * looks for each, in every form a leak could take, in what was exported.
 */
export function recordSecrets(transport: typeof fetch = fetch) {
  const secrets = new Set<string>();
  const remember = (value: unknown) => {
    if (typeof value === "string" && value.length >= 4) secrets.add(value);
  };
  const visit = (value: unknown, key = "") => {
    if (typeof value === "string" && /token|secret|password/i.test(key)) remember(value);
    else if (typeof value === "object" && value !== null) {
      for (const [name, child] of Object.entries(value)) visit(child, name);
    }
  };
  const recording: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const authorization = request.headers.get("authorization");
    if (authorization) {
      remember(authorization);
      remember(authorization.replace(/^Bearer /i, ""));
    }
    if (request.body) {
      const text = await request.clone().text();
      try {
        visit(JSON.parse(text));
      } catch {
        // Not JSON: nothing to read a token from.
      }
    }
    const response = await transport(request);
    if (response.headers.get("content-type")?.includes("json")) {
      try {
        visit(await response.clone().json());
      } catch {
        // A fault's malformed body: nothing to read a token from.
      }
    }
    return response;
  };
  return {
    fetch: recording,
    remember: (...values: unknown[]) => {
      for (const value of values) visit(value, "password");
    },
    list: () => [...secrets],
  };
}

/** The forms a leaked secret could take in exported data. */
export function secretForms(secret: string): string[] {
  const bytes = Buffer.from(secret);
  return [
    secret,
    encodeURIComponent(secret),
    bytes.toString("base64"),
    bytes.toString("base64url"),
    bytes.toString("hex"),
    JSON.stringify(secret).slice(1, -1),
  ];
}

/** The secrets (by form) that occur in `text`; empty when none leaked. */
export function findLeaks(text: string, secrets: readonly string[]): string[] {
  return secrets.flatMap((secret) =>
    secretForms(secret)
      .filter((form) => text.includes(form))
      .map(() => `a secret of ${secret.length} characters`),
  );
}

import { UsageError } from "../errors/cli-error.js";

/** A deliberate difference from the spec, for trying `check` (and alerts) against a "broken" provider. */
export type Drift =
  | { readonly kind: "drop"; readonly field: readonly string[] }
  | { readonly kind: "rename"; readonly field: readonly string[]; readonly to: string };

/** `--drop-field session.expires_at`, `--rename-field access_token=accessToken`. */
export function parseDrifts(drop: readonly string[], rename: readonly string[]): Drift[] {
  const path = (text: string) => {
    const segments = text.split(".");
    if (segments.some((segment) => segment === ""))
      throw new UsageError(`"${text}" is not a dotted field path such as session.expires_at`);
    return segments;
  };
  return [
    ...drop.map((field) => ({ kind: "drop" as const, field: path(field) })),
    ...rename.map((pair) => {
      const [from, to, ...rest] = pair.split("=");
      if (from === undefined || to === undefined || to === "" || rest.length > 0)
        throw new UsageError(`--rename-field takes old=new, got "${pair}"`);
      return { kind: "rename" as const, field: path(from), to };
    }),
  ];
}

/** The JSON body with every drift whose field it has applied; `undefined` when none applied. */
export function applyDrifts(body: unknown, drifts: readonly Drift[]): unknown {
  let changed = false;
  for (const drift of drifts) {
    const parent = drift.field
      .slice(0, -1)
      .reduce<unknown>(
        (node, segment) =>
          node !== null && typeof node === "object"
            ? (node as Record<string, unknown>)[segment]
            : undefined,
        body,
      );
    const last = drift.field.at(-1) as string;
    if (parent === null || typeof parent !== "object" || !(last in parent)) continue;
    const holder = parent as Record<string, unknown>;
    if (drift.kind === "rename") holder[drift.to] = holder[last];
    delete holder[last];
    changed = true;
  }
  return changed ? body : undefined;
}

/** A fetch handler that answers like `handle`, with the drifts applied to its JSON answers. */
export function driftingHandler(
  handle: (request: Request) => Promise<Response>,
  drifts: readonly Drift[],
): (request: Request) => Promise<Response> {
  return async (request) => {
    const answer = await handle(request);
    if (!answer.headers.get("content-type")?.includes("json")) return answer;
    const text = await answer.text();
    let drifted: unknown;
    try {
      drifted = applyDrifts(JSON.parse(text), drifts);
    } catch {
      drifted = undefined;
    }
    const headers = new Headers(answer.headers);
    headers.delete("content-length");
    const body = drifted === undefined ? text : JSON.stringify(drifted);
    return new Response(body, { status: answer.status, headers });
  };
}

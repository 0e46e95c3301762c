import { readFile } from "node:fs/promises";
import {
  type LoadedSpec,
  parseSpec,
  type XLoginkit,
  type XLoginkitInput,
} from "@loginkit/contract";
import type { Bump } from "./bump.js";
import type { SpecChange } from "./diff-specs.js";

/**
 * What `redocly diff` cannot see: `x-loginkit` shapes the generated client's own API. A renamed
 * or removed option, a new required one, or a lost `session()`/`refresh()` breaks every caller;
 * a new optional option or a new call adds; anything else changes behaviour, not the API.
 */
export async function diffXLoginkit(
  basePath: string,
  revisionPath: string,
  labels: { base: string; revision: string },
): Promise<SpecChange[]> {
  const base = await readExtension(basePath, labels.base);
  const revision = await readExtension(revisionPath, labels.revision);
  if (!base.extension || !revision.extension) return [];
  // A line costs a second, line-keeping parse: only worked out when there is a change to place.
  let location: string | undefined;
  const locate = () => {
    location ??= `${labels.revision}:${revision.spec.lineOf(["x-loginkit"]) ?? 1}`;
    return location;
  };
  const change = (impact: Bump, description: string): SpecChange => ({
    impact,
    description,
    location: locate(),
  });
  const changes = [
    ...diffInputs(base.extension.inputs ?? [], revision.extension.inputs ?? []).map(
      ([impact, text]) => change(impact, text),
    ),
    ...diffCalls(base.extension, revision.extension).map(([impact, text]) => change(impact, text)),
  ];
  if (
    changes.length === 0 &&
    JSON.stringify(base.extension) !== JSON.stringify(revision.extension)
  ) {
    changes.push(
      change(
        "patch",
        "`x-loginkit` changed how the client signs in, renews or reads errors (x-loginkit)",
      ),
    );
  }
  return changes;
}

function diffInputs(
  before: readonly XLoginkitInput[],
  after: readonly XLoginkitInput[],
): [Bump, string][] {
  const found: [Bump, string][] = [];
  for (const input of before) {
    if (!after.some((candidate) => candidate.option === input.option)) {
      found.push([
        "major",
        `Client option \`${input.option}\` was removed or renamed (x-loginkit › inputs)`,
      ]);
    }
  }
  for (const input of after) {
    const previous = before.find((candidate) => candidate.option === input.option);
    if (input.required && !previous?.required) {
      found.push([
        "major",
        `Client option \`${input.option}\` is now required (x-loginkit › inputs)`,
      ]);
    } else if (!previous) {
      found.push(["minor", `Client option \`${input.option}\` was added (x-loginkit › inputs)`]);
    }
  }
  return found;
}

function diffCalls(before: XLoginkit, after: XLoginkit): [Bump, string][] {
  const found: [Bump, string][] = [];
  if (before.signIn.operationId !== after.signIn.operationId) {
    found.push([
      "major",
      "The sign-in operation changed, and with it the credentials' type (x-loginkit › signIn)",
    ]);
  }
  for (const call of ["session", "refresh"] as const) {
    if (before[call] && !after[call])
      found.push(["major", `\`client.${call}()\` is gone (x-loginkit › ${call})`]);
    if (!before[call] && after[call])
      found.push(["minor", `\`client.${call}()\` was added (x-loginkit › ${call})`]);
  }
  return found;
}

/** The spec's `x-loginkit` as written: an old release may predate today's rules, so it is not validated. */
async function readExtension(
  path: string,
  label: string,
): Promise<{ spec: LoadedSpec; extension?: XLoginkit }> {
  const spec = parseSpec(await readFile(path, "utf8"), label);
  return { spec, extension: spec.document["x-loginkit"] as XLoginkit | undefined };
}

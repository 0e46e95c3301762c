import { Session } from "node:inspector/promises";

export interface ProfiledFunction {
  readonly name: string;
  readonly location: string;
  readonly selfPercent: number;
}

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/**
 * Runs `work` under V8's sampling profiler (what `--cpu-prof` records) and returns the functions
 * with the most self time, so a missed target names the code responsible.
 */
export async function profileTopFunctions(
  work: () => Promise<void>,
  options: { top?: number; ownerUrl?: string } = {},
): Promise<ProfiledFunction[]> {
  const { top = 12, ownerUrl } = options;
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  let profile: { nodes: unknown[] };
  try {
    await work();
  } finally {
    ({ profile } = await session.post("Profiler.stop"));
    session.disconnect();
  }
  const nodes = profile.nodes as ProfileNode[];
  const total = nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const owners = ownerUrl ? findOwners(nodes, ownerUrl) : undefined;
  const byFunction = new Map<string, { name: string; location: string; hits: number }>();
  for (const sampled of nodes) {
    const node = owners ? owners.get(sampled.id) : sampled;
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || "(anonymous)";
    const location = `${shortenUrl(url)}:${lineNumber + 1}`;
    const key = `${name}@${location}`;
    const entry = byFunction.get(key) ?? { name, location, hits: 0 };
    entry.hits += sampled.hitCount ?? 0;
    byFunction.set(key, entry);
  }
  return [...byFunction.values()]
    .sort((a, b) => b.hits - a.hits)
    .slice(0, top)
    .map(({ name, location, hits }) => ({ name, location, selfPercent: (100 * hits) / total }));
}

/**
 * For each node, its nearest ancestor (or itself) whose script URL contains `ownerUrl`: the
 * native work a core function causes (a `new Request`, an `AbortSignal.any`) is charged to it.
 */
function findOwners(nodes: readonly ProfileNode[], ownerUrl: string): Map<number, ProfileNode> {
  const owners = new Map<number, ProfileNode>();
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const visit = (node: ProfileNode, owner: ProfileNode | undefined) => {
    const own = node.callFrame.url.includes(ownerUrl) ? node : owner;
    if (own) owners.set(node.id, own);
    for (const child of node.children ?? []) visit(byId.get(child)!, own);
  };
  visit(nodes[0]!, undefined);
  return owners;
}

/** `@loginkit/core dist/x.js`, `openapi-fetch …`, `node:internal/...`: readable, no absolute paths. */
function shortenUrl(url: string): string {
  if (url === "") return "(native)";
  const inModules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)(.*)$/);
  if (inModules) return `${inModules[1]} ${inModules[2]}`;
  const workspace = url.match(/packages\/([^/]+)\/(.*)$/);
  if (workspace) return `@loginkit/${workspace[1]} ${workspace[2]}`;
  return url.replace(/^file:\/\//, "");
}

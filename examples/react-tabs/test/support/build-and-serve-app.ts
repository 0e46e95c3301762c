import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, preview } from "vite";

const appRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");

export interface ServedApp {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Builds the app with Vite, as `vite build` does, pointed at `veroBaseUrl`, and serves the
 * build with `vite preview` on a free 127.0.0.1 port (a secure context: Web Locks and
 * BroadcastChannel are there).
 */
export async function buildAndServeApp(veroBaseUrl: string): Promise<ServedApp> {
  const outDir = await mkdtemp(join(tmpdir(), "loginkit-react-tabs-"));
  try {
    await build({
      root: appRoot,
      logLevel: "silent",
      define: { "import.meta.env.VITE_VERO_BASE_URL": JSON.stringify(veroBaseUrl) },
      build: { outDir, emptyOutDir: true },
    });
    const server = await preview({
      root: appRoot,
      logLevel: "silent",
      build: { outDir },
      preview: { host: "127.0.0.1", port: 0, strictPort: false, open: false },
    });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error("vite preview has no local URL");
    return {
      url,
      async close() {
        await server.close();
        await rm(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
}

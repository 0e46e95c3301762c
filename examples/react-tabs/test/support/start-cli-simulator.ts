import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const loginkitBin = join(
  dirname(fileURLToPath(import.meta.url)),
  "../../node_modules/.bin/loginkit",
);

interface RequestLine {
  readonly event: "request";
  readonly operationId: string | null;
  readonly status: number;
  readonly preflight: boolean;
}

export interface CliSimulator {
  readonly url: string;
  readonly credentials: Record<string, string>;
  /** Sign-ins the simulator accepted so far (from its request log). */
  signIns(): number;
  stop(): Promise<void>;
}

/**
 * `loginkit simulate <provider> --port 0 --ttl <s> --json`, as the README tells a user to run it
 * (CORS on for any origin, so the app's origin may call it). Its JSON lines say where it listens,
 * its example accounts, and every request it answered.
 */
export async function startCliSimulator(
  provider: string,
  ttlSeconds: number,
  signInOperationId: string,
): Promise<CliSimulator> {
  const child: ChildProcess = spawn(
    loginkitBin,
    ["simulate", provider, "--port", "0", "--ttl", String(ttlSeconds), "--json"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const requests: RequestLine[] = [];
  let output = "";
  let pending = "";
  const listening = new Promise<{ url: string; credentials: Record<string, string> }>(
    (resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`loginkit simulate did not start within 20 s:\n${output}`)),
        20_000,
      );
      child.stdout?.on("data", (chunk: Buffer) => {
        output += chunk;
        pending += chunk;
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) {
          const message = JSON.parse(line) as {
            event: string;
            url?: string;
            accounts?: { credentials: Record<string, string> }[];
          };
          if (message.event === "request") requests.push(message as unknown as RequestLine);
          if (message.event === "listening") {
            clearTimeout(timer);
            resolve({ url: message.url!, credentials: message.accounts![0]!.credentials });
          }
        }
      });
      child.stderr?.on("data", (chunk: Buffer) => {
        output += chunk;
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`loginkit simulate exited with ${code}:\n${output}`));
      });
    },
  );
  const { url, credentials } = await listening;
  return {
    url,
    credentials,
    signIns: () =>
      requests.filter(
        (request) =>
          request.operationId === signInOperationId && request.status === 200 && !request.preflight,
      ).length,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

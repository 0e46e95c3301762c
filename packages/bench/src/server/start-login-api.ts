import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import type { ServerCommand, ServerReply } from "./server-protocol.js";

export interface LoginApi {
  readonly baseUrl: string;
  /** Sends a command and resolves with the server's counters after it. */
  command(command: ServerCommand): Promise<{ signIns: number; generation: number }>;
  stop(): Promise<void>;
}

/** Starts login-api-server.ts in a child process on 127.0.0.1 and waits until it listens. */
export async function startLoginApi(): Promise<LoginApi> {
  const child: ChildProcess = fork(
    fileURLToPath(new URL("./login-api-server.ts", import.meta.url)),
    {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  const [listening] = (await once(child, "message")) as [ServerReply];
  if (listening.type !== "listening") throw new Error("login API server did not start");

  return {
    baseUrl: `http://127.0.0.1:${listening.port}`,
    async command(command) {
      const answer = once(child, "message") as Promise<[ServerReply]>;
      child.send(command);
      const [state] = await answer;
      if (state.type !== "state") throw new Error(`unexpected server reply ${state.type}`);
      return state;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, "exit");
      child.disconnect();
      await exited;
    },
  };
}

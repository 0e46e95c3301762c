import { type ChildProcess, fork } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DriverMessage, WorkerConfig, WorkerMessage } from "./fleet-protocol.js";

const here = dirname(fileURLToPath(import.meta.url));
const benchRoot = join(here, "../..");

/** One worker process and typed, bounded request/answer over its IPC channel. */
export interface FleetWorker {
  readonly index: number;
  /** The worker's configuration as last sent. */
  config: WorkerConfig;
  readonly child: ChildProcess;
  /** Sends `message` and resolves the first answer of type `answer` (rejects after `timeout`). */
  ask<Type extends WorkerMessage["type"]>(
    message: DriverMessage,
    answer: Type,
    timeout: number,
  ): Promise<Extract<WorkerMessage, { type: Type }>>;
  /** Every `lease-taken` message, as it arrives. */
  onLeaseTaken(listener: () => void): void;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Forks `fleet-worker.ts` (through tsx, resolved from this package) and configures it. */
export async function startFleetWorker(config: WorkerConfig): Promise<FleetWorker> {
  const child = fork(join(here, "fleet-worker.ts"), [], {
    cwd: benchRoot,
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const worker: FleetWorker = {
    index: config.index,
    config,
    child,
    ask(message, answer, timeout) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`fleet worker ${config.index} sent no ${answer} within ${timeout} ms`));
        }, timeout);
        const onMessage = (received: WorkerMessage) => {
          if (received.type === "failed") {
            cleanup();
            reject(new Error(`fleet worker ${config.index} failed: ${received.error}`));
          } else if (received.type === answer) {
            cleanup();
            resolve(received as Extract<WorkerMessage, { type: typeof answer }>);
          }
        };
        const onExit = (code: number | null, signal: string | null) => {
          cleanup();
          reject(
            new Error(`fleet worker ${config.index} exited (${signal ?? code}) before ${answer}`),
          );
        };
        const cleanup = () => {
          clearTimeout(timer);
          child.off("message", onMessage);
          child.off("exit", onExit);
        };
        child.on("message", onMessage);
        child.once("exit", onExit);
        child.send(message, (error) => {
          if (error) onExit(null, "disconnected");
        });
      });
    },
    onLeaseTaken(listener) {
      child.on("message", (message: WorkerMessage) => {
        if (message.type === "lease-taken") listener();
      });
    },
    async kill(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  try {
    // Generous: sixteen processes starting at once on two busy cores take a while.
    await worker.ask({ type: "configure", config }, "configured", 120_000);
  } catch (error) {
    await worker.kill("SIGKILL");
    throw error;
  }
  return worker;
}

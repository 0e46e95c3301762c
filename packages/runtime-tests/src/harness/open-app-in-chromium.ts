import type { Page } from "playwright-core";
import { launchChromium } from "./launch-chromium.js";
import { servePage } from "./serve-page.js";

export interface OpenApp {
  /** The page's origin, e.g. `http://127.0.0.1:41234`: what the simulators must allow (CORS). */
  readonly origin: string;
  readonly page: Page;
  /** What the page logged and threw, for failure messages. */
  readonly console: readonly string[];
  /** Calls `page.evaluate(fn, argument)`, failing after `timeoutMs` instead of hanging. */
  evaluate<Result, Argument>(
    fn: (argument: Argument) => Promise<Result>,
    argument: Argument,
    timeoutMs?: number,
  ): Promise<Result>;
  close(): Promise<void>;
}

/** Serves a bundled app on 127.0.0.1 and opens it in headless Chromium. */
export async function openAppInChromium(script: string): Promise<OpenApp> {
  const server = await servePage(script);
  let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    chromium = await launchChromium();
    const page = await chromium.context.newPage();
    const console: string[] = [];
    page.on("console", (message) => console.push(`${message.type()}: ${message.text()}`));
    page.on("pageerror", (error) => console.push(`pageerror: ${error.message}`));
    await page.goto(`${server.url}/`, { timeout: 30_000 });
    const opened = chromium;
    return {
      origin: server.url,
      page,
      console,
      async evaluate<Result, Argument>(
        fn: (argument: Argument) => Promise<Result>,
        argument: Argument,
        timeoutMs = 60_000,
      ): Promise<Result> {
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            reject(
              new Error(
                `Chromium did not finish within ${timeoutMs} ms; the page logged:\n${console.join("\n")}`,
              ),
            );
          }, timeoutMs);
        });
        try {
          // playwright types the argument as its serialized form; plain JSON arguments are the same.
          const evaluated = page.evaluate<Result, Argument>(fn as never, argument);
          return await Promise.race([evaluated, deadline]);
        } finally {
          clearTimeout(timer);
        }
      },
      async close() {
        await opened.close();
        await server.close();
      },
    };
  } catch (error) {
    await chromium?.close();
    await server.close();
    throw error;
  }
}

// One code generation in a fresh process (forked by run-codegen-job.ts): cold module cache and
// JIT, like a `pnpm generate` run, and its memory is its own. Tools are imported inside the job
// so the reported work time excludes loading them; the parent's wall time includes it.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import { profileTopFunctions } from "../measure/cpu-profile.js";
import type { CodegenJob, CodegenJobResult } from "./codegen-job-protocol.js";

async function runJob(job: CodegenJob): Promise<void> {
  switch (job.tool) {
    case "loginkit":
    case "loginkit-force": {
      const { generateWorkspace } = await import("@loginkit/scripts/src/generate-workspace.js");
      const { listSpecs } = await import("@loginkit/scripts/src/workspace.js");
      const specs = await listSpecs(job.specsDirectory);
      // The generator loads openapi-typescript and biome's formatter on first use (a run with
      // nothing to regenerate never pays for them); load them first, as the other tools are.
      await import("openapi-typescript");
      const { formatTypeScript } = await import(
        "@loginkit/scripts/src/format/format-typescript.js"
      );
      formatTypeScript("", "warm-up.ts");
      await timed(async () => {
        const { written } = await generateWorkspace(specs, job.outputDirectory, {
          force: job.tool === "loginkit-force",
        });
        if (job.expectWritten !== undefined && written.length !== job.expectWritten)
          throw new Error(
            `expected ${job.expectWritten} generated package(s), got ${written.length}`,
          );
      });
      return;
    }
    case "openapi-typescript": {
      // The options our generator passes (scripts/src/render/render-schema.ts), so only the
      // generator's own work differs.
      const { default: openapiTS, astToString } = await import("openapi-typescript");
      await timed(async () => {
        const ast = await openapiTS(pathToFileURL(job.spec), {
          alphabetize: false,
          defaultNonNullable: true,
          silent: true,
        });
        await mkdir(job.outputDirectory, { recursive: true });
        await writeFile(`${job.outputDirectory}/schema.ts`, astToString(ast));
      });
      return;
    }
    case "hey-api": {
      const { createClient } = await import("@hey-api/openapi-ts");
      await timed(async () => {
        await createClient({
          input: job.spec,
          output: job.outputDirectory,
          plugins: ["@hey-api/typescript", "@hey-api/sdk", "@hey-api/client-fetch"],
          logs: { level: "silent" },
        });
      });
      return;
    }
    case "orval": {
      const { generate } = await import("orval");
      await timed(() =>
        generate({
          input: { target: job.spec },
          output: { target: `${job.outputDirectory}/api.ts`, client: "fetch", mode: "single" },
        }),
      );
      return;
    }
  }

  async function timed(work: () => Promise<unknown>): Promise<void> {
    await mkdir(dirname(job.outputDirectory), { recursive: true });
    const begin = performance.now();
    let profile: CodegenJobResult["profile"];
    if (job.profile) {
      profile = await profileTopFunctions(async () => void (await work()), { top: 100_000 });
    } else {
      await work();
    }
    const result: CodegenJobResult = {
      milliseconds: performance.now() - begin,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      profile,
    };
    // Wait until the message is handed over: disconnecting right after a large one (a profile)
    // could drop it.
    await new Promise<void>((resolve, reject) =>
      process.send!(result, undefined, undefined, (error) => (error ? reject(error) : resolve())),
    );
  }
}

process.once("message", (job: CodegenJob) => {
  runJob(job).then(
    () => process.disconnect(),
    (error: unknown) => {
      process.send!({
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      process.disconnect();
    },
  );
});

import { request } from "node:http";
import { expect, test } from "vitest";
import { startSimulator } from "../../src/index.js";

const MIB = 1_048_576;

/**
 * Sends a body that never ends (64 KiB at a time, as fast as the socket takes it) and resolves
 * with the status of the answer and how much had been sent when it came; rejects after 10 s.
 */
function sendEndlessBody(url: string): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, "x");
    let sent = 0;
    let answered = false;
    const outgoing = request(url, {
      method: "POST",
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
    });
    const timer = setTimeout(() => {
      outgoing.destroy();
      reject(new Error(`no answer after sending ${sent} bytes in 10 s`));
    }, 10_000);
    const write = () => {
      while (!answered) {
        sent += chunk.length;
        if (!outgoing.write(chunk)) {
          outgoing.once("drain", write);
          return;
        }
      }
    };
    outgoing.on("response", (response) => {
      answered = true;
      clearTimeout(timer);
      response.resume();
      resolve({ status: response.statusCode ?? 0, sent });
      outgoing.destroy();
    });
    outgoing.on("error", (error) => {
      if (!answered) reject(error);
    });
    write();
  });
}

test("the served simulator answers a never-ending body 413 once past 1 MiB, without reading on", async () => {
  const sim = await startSimulator("enad");
  try {
    const example = sim.exampleRequest(sim.operationIds.signIn);
    const { status, sent } = await sendEndlessBody(sim.url + example.path);
    expect(status).toBe(413);
    // The answer came while the body was still coming: it was never buffered to its end.
    expect(sent).toBeGreaterThan(MIB);
    expect(sim.stats.signIns).toBe(0);
  } finally {
    await sim.close();
  }
});

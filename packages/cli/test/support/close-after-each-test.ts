import { type ServedHandler, type Simulator, startSimulator } from "@loginkit/testkit";
import { afterEach } from "vitest";

type Server = Simulator | ServedHandler;

/**
 * The servers a test starts (simulators, hostile handlers), each closed after its test, so a
 * failing test leaves no port open for the next. Call once at the top of a test file.
 */
export function closeAfterEachTest() {
  const open: Server[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
  });
  const keep = <T extends Server>(server: T): T => {
    open.push(server);
    return server;
  };
  const simulator = async (provider: string) => keep(await startSimulator(provider));
  return { keep, simulator };
}

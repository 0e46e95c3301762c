import { runFleetFaultsBenchmark } from "./src/fleet/fleet-faults-benchmark.js";
import { startRedisServer } from "./src/fleet/start-redis-server.js";
const redis = await startRedisServer();
try {
  console.log("TABLE-START");
  console.log(await runFleetFaultsBenchmark(redis.url));
  console.log("TABLE-END");
} finally {
  await redis.stop();
}

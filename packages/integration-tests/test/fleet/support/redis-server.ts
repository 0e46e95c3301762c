// One redis-server harness for the bench and the tests: the fleet harness's.
export { type RedisServer, startRedisServer } from "@loginkit/bench/fleet";

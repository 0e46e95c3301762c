import { type Meter, ValueType } from "@opentelemetry/api";
import { METRICS } from "./attribute-names.js";

/** The conventions' advised buckets for `http.client.request.duration`, in seconds. */
const DURATION_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
];
/** Lease waits last from a store round trip to `leaseTtl` (10 s to 2 min by default). */
const LEASE_WAIT_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

/** Every metric the instrumentation records, created once per `instrument()`. */
export function createInstruments(meter: Meter) {
  return {
    requestDuration: meter.createHistogram(METRICS.requestDuration, {
      description: "Duration of HTTP client requests.",
      unit: "s",
      valueType: ValueType.DOUBLE,
      advice: { explicitBucketBoundaries: DURATION_BUCKETS },
    }),
    signIns: meter.createCounter(METRICS.signIns, {
      description: "Sign-ins with the credentials, by outcome (signed-in or refused or failed).",
      unit: "{sign_in}",
      valueType: ValueType.INT,
    }),
    renewals: meter.createCounter(METRICS.renewals, {
      description:
        "Renewals of a session, by outcome: renewed (here), adopted (another client's), refused, deferred (failed while the token still worked) or skipped (a 401 just after a renewal).",
      unit: "{renewal}",
      valueType: ValueType.INT,
    }),
    refusedRefreshes: meter.createCounter(METRICS.refusedRefreshes, {
      description: "Refresh tokens the provider refused (the client then signed in again).",
      unit: "{refresh}",
      valueType: ValueType.INT,
    }),
    retries: meter.createCounter(METRICS.retries, {
      description:
        "Requests sent again after a failed attempt, by reason (status, network, timeout).",
      unit: "{retry}",
      valueType: ValueType.INT,
    }),
    storeFailures: meter.createCounter(METRICS.storeFailures, {
      description: "Token store calls that failed or timed out, by operation.",
      unit: "{failure}",
      valueType: ValueType.INT,
    }),
    leaseWait: meter.createHistogram(METRICS.leaseWait, {
      description: "Time spent waiting for another client's renewal under the store's lease.",
      unit: "s",
      valueType: ValueType.DOUBLE,
      advice: { explicitBucketBoundaries: LEASE_WAIT_BUCKETS },
    }),
  };
}

export type Instruments = ReturnType<typeof createInstruments>;

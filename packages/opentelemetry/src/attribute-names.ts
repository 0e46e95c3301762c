/** Span names: one a kind of work, low-cardinality as the conventions ask. */
export const SPAN_NAMES = {
  request: "loginkit.request",
  signIn: "loginkit.sign_in",
  renew: "loginkit.renew",
  signOut: "loginkit.sign_out",
  leaseWait: "loginkit.lease_wait",
} as const;

/** loginkit's own attributes (the HTTP ones are the semantic conventions' names, inline). */
export const ATTRIBUTES = {
  provider: "loginkit.provider",
  attempts: "loginkit.request.attempts",
  requestId: "loginkit.request.id",
  renewalOutcome: "loginkit.renewal.outcome",
  renewalVia: "loginkit.renewal.via",
  signInOutcome: "loginkit.sign_in.outcome",
  retryReason: "loginkit.retry.reason",
  storeOperation: "loginkit.store.operation",
  leaseOutcome: "loginkit.lease.outcome",
} as const;

/** Metric names. */
export const METRICS = {
  requestDuration: "http.client.request.duration",
  signIns: "loginkit.sign_ins",
  renewals: "loginkit.renewals",
  refusedRefreshes: "loginkit.refresh.refusals",
  retries: "loginkit.retries",
  storeFailures: "loginkit.store.failures",
  leaseWait: "loginkit.lease.wait.duration",
} as const;

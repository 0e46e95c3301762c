const taken = new Map<string, number>();

/**
 * The base URL of a simulator without a port: `http://<provider>.loginkit.test` (`.test` is
 * reserved, RFC 2606, so it can never reach a real host), then `-2`, `-3`... for more simulators
 * of the same provider in one process, so MSW can tell them apart.
 */
export function allocateInProcessUrl(providerId: string): string {
  const count = (taken.get(providerId) ?? 0) + 1;
  taken.set(providerId, count);
  return `http://${providerId}${count === 1 ? "" : `-${count}`}.loginkit.test`;
}

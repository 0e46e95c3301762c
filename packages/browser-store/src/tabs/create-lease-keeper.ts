import { BrowserStoreError } from "../errors/BrowserStoreError.js";

interface HeldLease {
  readonly owner: string;
  readonly release: () => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Leases as exclusive Web Locks: held until released, until the TTL timer ends them, or until the
 * tab dies (the browser frees its locks), so a crashed tab never blocks the others for long.
 */
export interface LeaseKeeper {
  acquire(key: string, owner: string, ttl: number): Promise<boolean>;
  /** True when `owner` held the lease and released it. */
  release(key: string, owner: string): boolean;
  releaseAll(): void;
}

export function createLeaseKeeper(
  lockName: (key: string) => string,
  onExpired: (key: string) => void,
): LeaseKeeper {
  const held = new Map<string, HeldLease>();
  const end = (key: string, lease: HeldLease) => {
    clearTimeout(lease.timer);
    held.delete(key);
    lease.release();
  };

  return {
    async acquire(key, owner, ttl) {
      const current = held.get(key);
      if (current) {
        if (current.owner !== owner) return false;
        clearTimeout(current.timer);
        current.timer = setTimeout(() => {
          end(key, current);
          onExpired(key);
        }, ttl);
        return true;
      }
      return new Promise<boolean>((resolve, reject) => {
        navigator.locks
          .request(lockName(key), { ifAvailable: true }, (lock) => {
            if (!lock) {
              resolve(false);
              return;
            }
            // The lock lasts as long as this promise is pending.
            return new Promise<void>((release) => {
              const lease: HeldLease = {
                owner,
                release,
                timer: setTimeout(() => {
                  end(key, lease);
                  onExpired(key);
                }, ttl),
              };
              held.set(key, lease);
              resolve(true);
            });
          })
          .catch((error: unknown) =>
            reject(
              new BrowserStoreError("acquire-lease", `the lease lock of ${key} failed`, {
                cause: error,
              }),
            ),
          );
      });
    },
    release(key, owner) {
      const lease = held.get(key);
      if (!lease || lease.owner !== owner) return false;
      end(key, lease);
      return true;
    },
    releaseAll() {
      for (const [key, lease] of held) end(key, lease);
    },
  };
}

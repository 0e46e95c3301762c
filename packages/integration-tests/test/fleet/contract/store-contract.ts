import { afterAll, beforeAll, expect, test } from "vitest";
import type { ContractStore, ContractSubject } from "./contract-store.js";
import { waitUntil } from "./wait-until.js";

// One suite for every coordinated token store: the Redis store, the browser tab store, and core's
// memory store once it implements the contract. Each behaviour gets a fresh key, so one subject
// (one Redis server, one Chromium) serves the whole table. For a store shared in one process,
// every participant is the same object:
//
//   describeStoreContract(async () => {
//     const store = createMemoryTokenStore();
//     return { open: async () => store, close: async () => {} };
//   });

const session = (label: string) => ({
  accessToken: `access-${label}`,
  refreshToken: `refresh-${label}`,
  expiresAt: 1_900_000_000_000,
});

interface Stores {
  readonly key: string;
  /** Three participants over the same shared store. */
  readonly stores: readonly [ContractStore, ContractStore, ContractStore];
}

const subscribeReady = async (unsubscribe: () => void) =>
  (unsubscribe as { ready?: Promise<unknown> }).ready;

const refusal = (label: string) => ({
  fingerprint: `fingerprint-${label}`,
  message: `Invalid credentials (${label})`,
  status: 401,
});

const behaviours: { name: string; run(context: Stores): Promise<void> }[] = [
  {
    name: "an absent key reads as undefined",
    async run({ key, stores: [a] }) {
      expect(await a.read(key)).toBeUndefined();
      expect(await a.get(key)).toBeUndefined();
    },
  },
  {
    name: "a write by one participant reads the same, with the same version, from another",
    async run({ key, stores: [a, b] }) {
      const written = await a.compareAndSet(key, 0, session("a"));
      expect(written?.version).toBeGreaterThan(0);
      expect(await b.read(key)).toEqual({ session: session("a"), version: written?.version });
      expect(await b.get(key)).toEqual(session("a"));
    },
  },
  {
    name: "compare-and-set from absent (0) is refused once a session is stored",
    async run({ key, stores: [a, b] }) {
      expect(await a.compareAndSet(key, 0, session("a"))).toBeDefined();
      expect(await b.compareAndSet(key, 0, session("b"))).toBeUndefined();
      expect(await b.get(key)).toEqual(session("a"));
    },
  },
  {
    name: "racing compare-and-sets on one version: exactly one wins and the store holds its session",
    async run({ key, stores }) {
      const base = await stores[0].compareAndSet(key, 0, session("base"));
      const results = await Promise.all(
        stores.map((store, index) =>
          store.compareAndSet(key, base!.version, session(`racer-${index}`)),
        ),
      );
      const winners = results.filter((result) => result !== undefined);
      expect(winners).toHaveLength(1);
      expect(winners[0]!.version).toBeGreaterThan(base!.version);
      expect(await stores[1].read(key)).toEqual(winners[0]);
    },
  },
  {
    name: "racing compare-and-sets from absent: exactly one wins",
    async run({ key, stores }) {
      const results = await Promise.all(
        stores.map((store, index) => store.compareAndSet(key, 0, session(`first-${index}`))),
      );
      expect(results.filter((result) => result !== undefined)).toHaveLength(1);
    },
  },
  {
    name: "compare-and-set against a stale version is refused and changes nothing",
    async run({ key, stores: [a, b] }) {
      const first = await a.compareAndSet(key, 0, session("one"));
      const second = await b.compareAndSet(key, first!.version, session("two"));
      expect(await a.compareAndSet(key, first!.version, session("stale"))).toBeUndefined();
      expect(await a.read(key)).toEqual(second);
    },
  },
  {
    name: "versions rise strictly across set, compare-and-set and delete, and are never reused",
    async run({ key, stores: [a, b, c] }) {
      const versions: number[] = [];
      await a.set(key, session("set"));
      versions.push((await c.read(key))!.version);
      const swapped = await b.compareAndSet(key, versions[0]!, session("cas"));
      versions.push(swapped!.version);
      await c.delete(key);
      // A delete leaves its version (a tombstone) and no session.
      const tombstone = await a.read(key);
      expect(tombstone?.session).toBeUndefined();
      expect(tombstone!.version).toBeGreaterThan(swapped!.version);
      expect(await a.get(key)).toBeUndefined();
      // The version read before the delete no longer matches anything, nor does "absent": no ABA.
      expect(await a.compareAndSet(key, swapped!.version, session("aba"))).toBeUndefined();
      expect(await a.compareAndSet(key, 0, session("aba-absent"))).toBeUndefined();
      const again = await b.compareAndSet(key, tombstone!.version, session("after-delete"));
      versions.push(again!.version);
      await a.set(key, session("set-again"));
      versions.push((await b.read(key))!.version);
      for (let index = 1; index < versions.length; index++) {
        expect(versions[index]).toBeGreaterThan(versions[index - 1]!);
      }
      // The delete took a version of its own between the second and the third write.
      expect(versions[2]! - versions[1]!).toBeGreaterThanOrEqual(2);
    },
  },
  {
    name: "ABA: a compare-and-set from absent, read before another signed in and out, never lands",
    async run({ key, stores: [holder, b, c] }) {
      // The holder reads "nothing" and starts a slow renewal...
      expect(await holder.read(key)).toBeUndefined();
      // ...meanwhile another participant signs in, and a third signs out.
      expect(await b.compareAndSet(key, 0, session("signed-in"))).toBeDefined();
      await c.delete(key);
      // The holder's late write would bring back a session that was signed out.
      expect(await holder.compareAndSet(key, 0, session("late"))).toBeUndefined();
      expect(await b.get(key)).toBeUndefined();
    },
  },
  {
    name: "get, set and delete keep the meaning of a plain TokenStore",
    async run({ key, stores: [a, b] }) {
      await a.set(key, session("plain"));
      expect(await b.get(key)).toEqual(session("plain"));
      await b.set(key, session("plain-2"));
      expect(await a.get(key)).toEqual(session("plain-2"));
      await a.delete(key);
      expect(await b.get(key)).toBeUndefined();
    },
  },
  {
    name: "the lease is exclusive: of racing participants exactly one takes it",
    async run({ key, stores }) {
      const taken = await Promise.all(
        stores.map((store, index) => store.acquireLease(key, `owner-${index}`, 10_000)),
      );
      expect(taken.filter(Boolean)).toHaveLength(1);
      const holder = taken.indexOf(true);
      await stores[holder]!.releaseLease(key, `owner-${holder}`);
    },
  },
  {
    name: "the holder takes its lease again, extending it; others stay refused",
    async run({ key, stores: [a, b] }) {
      expect(await a.acquireLease(key, "owner-a", 1_000)).toBe(true);
      expect(await a.acquireLease(key, "owner-a", 20_000)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await b.acquireLease(key, "owner-b", 1_000)).toBe(false);
      await a.releaseLease(key, "owner-a");
    },
  },
  {
    name: "a lease nobody releases expires after its TTL, then another participant takes it",
    async run({ key, stores: [a, b] }) {
      expect(await a.acquireLease(key, "owner-a", 1_000)).toBe(true);
      expect(await b.acquireLease(key, "owner-b", 1_000)).toBe(false);
      await waitUntil("the lease to expire", () => b.acquireLease(key, "owner-b", 10_000));
      expect(await a.acquireLease(key, "owner-a", 1_000)).toBe(false);
      await b.releaseLease(key, "owner-b");
    },
  },
  {
    name: "only the owner releases a lease",
    async run({ key, stores: [a, b, c] }) {
      expect(await a.acquireLease(key, "owner-a", 20_000)).toBe(true);
      await b.releaseLease(key, "owner-b");
      await c.releaseLease(key, "owner-c");
      expect(await c.acquireLease(key, "owner-c", 20_000)).toBe(false);
      await a.releaseLease(key, "owner-a");
      expect(await c.acquireLease(key, "owner-c", 20_000)).toBe(true);
      await c.releaseLease(key, "owner-c");
    },
  },
  {
    name: "subscribers hear writes and deletes by another participant, and nothing after unsubscribing",
    async run({ key, stores: [a, b, c] }) {
      if (!b.subscribe || !c.subscribe) throw new Error("this store has no subscribe");
      let heardByB = 0;
      let heardByC = 0;
      const stopB = b.subscribe(key, () => heardByB++);
      const stopC = c.subscribe(key, () => heardByC++);
      await subscribeReady(stopB);
      await subscribeReady(stopC);
      await a.compareAndSet(key, 0, session("announced"));
      await waitUntil("b to hear the write", () => heardByB >= 1);
      await a.delete(key);
      await waitUntil("b to hear the delete", () => heardByB >= 2);
      stopB();
      const before = heardByB;
      await waitUntil("c to hear both", () => heardByC >= 2);
      await a.set(key, session("unheard"));
      await waitUntil("c to hear the third write", () => heardByC >= 3);
      expect(heardByB).toBe(before);
      stopC();
    },
  },
  {
    name: "a refusal recorded by one participant is read by the others until its time ends",
    async run({ key, stores: [a, b, c] }) {
      expect(await b.readRefusal(key)).toBeUndefined();
      await a.recordRefusal(key, refusal("a"), 1_500);
      expect(await b.readRefusal(key)).toEqual(refusal("a"));
      expect(await c.readRefusal(key)).toEqual(refusal("a"));
      await waitUntil(
        "the refusal to lapse",
        async () => (await b.readRefusal(key)) === undefined,
        5_000,
      );
      expect(await a.readRefusal(key)).toBeUndefined();
    },
  },
  {
    name: "the refusal recorded last stands for every participant, even when an earlier one lapses later",
    async run({ key, stores: [a, b, c] }) {
      await a.recordRefusal(key, refusal("first"), 60_000);
      await b.recordRefusal(key, refusal("second"), 20_000);
      expect(await a.readRefusal(key)).toEqual(refusal("second"));
      expect(await c.readRefusal(key)).toEqual(refusal("second"));
      expect(await c.readRefusal(`${key}:other`)).toBeUndefined();
    },
  },
];

/** Runs the contract table against one store implementation. */
export function describeStoreContract(start: () => Promise<ContractSubject>) {
  let subject: ContractSubject;
  let stores: Stores["stores"];
  // Launching Chromium (or redis-server) on a loaded 2-core machine can outlast the 30 s default.
  beforeAll(async () => {
    subject = await start();
    stores = [await subject.open(), await subject.open(), await subject.open()];
  }, 120_000);
  afterAll(async () => {
    await subject?.close();
  }, 120_000);

  test.each(behaviours)("$name", async ({ run }) => {
    await run({ key: `contract:${crypto.randomUUID()}`, stores });
  });
}

/**
 * Runs every contender once per round, in an order rotated each round, and collects each
 * contender's results. On a shared, noisy machine a burst of load then hits every contender
 * alike instead of whichever happened to run during it.
 */
export async function runInterleaved<Name extends string, Result>(
  names: readonly Name[],
  rounds: number,
  runOne: (name: Name, round: number) => Promise<Result>,
): Promise<Map<Name, Result[]>> {
  const results = new Map<Name, Result[]>(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let index = 0; index < names.length; index++) {
      const name = names[(index + round) % names.length]!;
      results.get(name)!.push(await runOne(name, round));
    }
  }
  return results;
}

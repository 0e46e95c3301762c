/** A fetch-style handler: what `simulator.handle` is, and what a wrapped (drifted) fake can be. */
export type FetchHandler = (request: Request) => Promise<Response>;

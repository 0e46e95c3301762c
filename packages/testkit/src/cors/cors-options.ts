/**
 * CORS for front ends served from another origin (a dev server on another port):
 * `true` allows any origin, a list allows those origins only.
 */
export type CorsOption = boolean | readonly string[];

/** Whether a request from `origin` may read the simulator's answers. */
export function isOriginAllowed(cors: CorsOption | undefined, origin: string | null): boolean {
  if (cors === undefined || cors === false || origin === null) return false;
  return cors === true || cors.includes(origin);
}

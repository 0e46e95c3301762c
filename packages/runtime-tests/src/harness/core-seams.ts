/** The modules of @loginkit/core that its package.json `imports` swap, and the one only they use. */
const SEAM_MODULE =
  /\/core\/dist\/((?:client\/follow-redirects|transport\/cookie-jar|transport\/transport-error|logging\/read-log-environment)(?:\.browser)?|transport\/read-location)\.js$/;

/**
 * Which of core's swapped modules a bundle holds (sorted, as `client/follow-redirects.browser.js`):
 * what tells its browser build (no hand-following of redirects, no cookie jar, no reading of
 * undici's redirect failures or of `LOGINKIT_LOG`) from the default one.
 */
export function coreSeamsIn(modules: readonly string[]): string[] {
  return modules
    .map((module) => SEAM_MODULE.exec(module)?.[1])
    .filter((seam) => seam !== undefined)
    .map((seam) => `${seam}.js`)
    .sort();
}

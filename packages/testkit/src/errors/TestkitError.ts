/** Root of every error `@loginkit/testkit` throws. */
export class TestkitError extends Error {
  override name = "TestkitError";

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/**
 * The typed paths of the API the app reads with the Vero session, in openapi-typescript's shape.
 * In your app this is `paths` generated from your API's spec (`openapi-typescript api.yaml`);
 * here it is the one protected endpoint every loginkit simulator serves, which answers who the
 * token belongs to and the token's id (`jti`, not the token), so each tab can show which session
 * it uses.
 */
export interface paths {
  "/__loginkit/protected": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: { "application/json": { subject: string; tokenId: string } };
        };
        401: {
          headers: { [name: string]: unknown };
          content: { "application/json": { message?: string } };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}

/**
 * An operation's types with its cookie parameters made optional. The client's cookie jar sends
 * back the cookies the provider set (Vero's recovery session, say), so a caller must not be
 * made to copy them by hand; generated `client.operations.*` calls use this.
 */
export type CookiesFromJar<Operation> = Operation extends { parameters: infer Parameters }
  ? Omit<Operation, "parameters"> & {
      parameters: Omit<Parameters, "cookie"> & {
        cookie?: Parameters extends { cookie?: infer Cookie }
          ? Partial<NonNullable<Cookie>>
          : never;
      };
    }
  : Operation;

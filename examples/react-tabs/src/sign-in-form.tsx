import type { VeroOmsCredentials } from "@loginkit/vero-oms";
import type { FormEvent } from "react";

/** Asks for Vero's identifier and password; `onSubmit` gets them, `error` shows under the form. */
export function SignInForm(props: {
  readonly title: string;
  readonly error?: string | undefined;
  readonly onSubmit: (credentials: VeroOmsCredentials) => void;
}) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    props.onSubmit({
      identifier: String(form.get("identifier")),
      password: String(form.get("password")),
    });
  };
  return (
    <form onSubmit={submit} aria-label={props.title}>
      <h2>{props.title}</h2>
      <label>
        Email <input name="identifier" type="email" autoComplete="username" required />
      </label>
      <label>
        Password <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit">Sign in</button>
      {props.error ? <p role="alert">{props.error}</p> : null}
    </form>
  );
}

import type { VeroOmsCredentials } from "@loginkit/vero-oms";
import { useState, useSyncExternalStore } from "react";
import { Account } from "./account.js";
import { vero } from "./loginkit.js";
import {
  forgetCredentials,
  isPasswordRequested,
  rememberCredentials,
  subscribeToPasswordRequests,
} from "./password-prompt.js";
import { SignInForm } from "./sign-in-form.js";
import { useSharedSession } from "./use-shared-session.js";

export function App() {
  const session = useSharedSession();
  const passwordRequested = useSyncExternalStore(subscribeToPasswordRequests, isPasswordRequested);
  const [error, setError] = useState<string>();

  const signIn = async (credentials: VeroOmsCredentials) => {
    setError(undefined);
    try {
      await vero.signIn(credentials);
      rememberCredentials(credentials);
    } catch (reason) {
      // loginkit's errors never hold the password; the name says what went wrong.
      setError(
        (reason as Error).name === "AuthenticationError"
          ? "Wrong email or password."
          : "Could not sign in.",
      );
    }
  };
  const signOut = async () => {
    forgetCredentials();
    await vero.signOut(); // clears the shared store: every tab signs out
  };

  return (
    <main>
      <h1>Vero, in every tab</h1>
      <p data-testid="status">{session.state}</p>
      {session.state === "signed-out" ? (
        <SignInForm title="Sign in to Vero" error={error} onSubmit={(c) => void signIn(c)} />
      ) : null}
      {session.state === "signed-in" ? (
        <>
          {passwordRequested ? (
            <SignInForm
              title="Renewing your session needs your password"
              onSubmit={rememberCredentials}
            />
          ) : null}
          <Account expiresAt={session.expiresAt} />
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </>
      ) : null}
    </main>
  );
}

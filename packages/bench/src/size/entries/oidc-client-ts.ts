// oidc-client-ts: what a browser app ships to sign in with OIDC and renew silently (refresh token
// or iframe), with its own session storage. Untyped calls: it manages tokens, not API requests.
import { UserManager } from "oidc-client-ts";

const users = new UserManager({
  authority: "https://platform.verolabs.co",
  client_id: "app",
  redirect_uri: "https://app.example/callback",
  automaticSilentRenew: true,
});

export const signIn = () => users.signinRedirect();
export const renew = () => users.signinSilent();
export const accessToken = async () => (await users.getUser())?.access_token;

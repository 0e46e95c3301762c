// ky with retry and the README's afterResponse refresh hook: what a user writes instead.
import ky from "ky";

let token = "";
const signIn = async () => {
  const body = await ky
    .post("https://platform.verolabs.co/api/auth/login", {
      json: { identifier: "a", password: "b" },
    })
    .json<{ jwt: string }>();
  token = body.jwt;
  return token;
};

const api = ky.create({
  baseUrl: "https://api-oms.verolabs.co",
  retry: { limit: 2 },
  hooks: {
    beforeRequest: [({ request }) => request.headers.set("authorization", `Bearer ${token}`)],
    afterResponse: [
      async ({ request, response, retryCount }) => {
        if (response.status !== 401 || retryCount !== 0) return;
        const headers = new Headers(request.headers);
        headers.set("authorization", `Bearer ${await signIn()}`);
        return ky.retry({ request: new Request(request, { headers }), code: "TOKEN_REFRESHED" });
      },
    ],
  },
});

export const listOrders = () => api.get("/api/orders").json();

import type { Provider } from "next-auth/providers";
import Cognito from "next-auth/providers/cognito";
import GitHub from "next-auth/providers/github";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import Okta from "next-auth/providers/okta";

/**
 * Single sign-on providers, each enabled when its client id is configured. Auth.js reads
 * AUTH_<PROVIDER>_ID / _SECRET / _ISSUER itself; a generic OIDC issuer uses AUTH_OIDC_*.
 */
export function ssoProviders(): Provider[] {
  const env = process.env;
  const providers: Provider[] = [];
  if (env.AUTH_OKTA_ID) providers.push(Okta);
  if (env.AUTH_MICROSOFT_ENTRA_ID_ID) providers.push(MicrosoftEntraID);
  if (env.AUTH_COGNITO_ID) providers.push(Cognito);
  if (env.AUTH_GITHUB_ID) providers.push(GitHub);
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID) {
    providers.push({
      id: "oidc",
      name: env.AUTH_OIDC_NAME || "Single sign-on",
      type: "oidc",
      issuer: env.AUTH_OIDC_ISSUER,
      clientId: env.AUTH_OIDC_ID,
      clientSecret: env.AUTH_OIDC_SECRET,
    });
  }
  return providers;
}

/** Id and display name of each enabled single sign-on provider, for the sign-in page. */
export function ssoProviderList(): { id: string; name: string }[] {
  return ssoProviders().map((p) => {
    const cfg = typeof p === "function" ? p() : p;
    return { id: cfg.id, name: cfg.name };
  });
}

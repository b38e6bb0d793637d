import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { ensureAuthSecret } from "./local-admin";
import { verifyLocalUser } from "./local-users";
import { ssoProviders } from "./providers";
import { isRole, type Role, roleFromClaims } from "./roles";

declare module "next-auth" {
  interface Session {
    user: { name?: string | null; email?: string | null; role: Role };
  }
  interface User {
    role?: Role;
  }
}

const credentialsSchema = z.object({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(1000),
});
const SESSION_MAX_AGE_S = 8 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: ensureAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/signin" },
  logger: {
    // A wrong password is logged once, as a warning, by authorize(); Auth.js would add a stack trace.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin")
        return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
  providers: [
    Credentials({
      id: "credentials",
      name: "Local account",
      credentials: { username: { label: "Username" }, password: { label: "Password", type: "password" } },
      authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const { username, password } = parsed.data;
        const role = verifyLocalUser(username, password);
        if (!role) {
          console.warn(`[flowscope] failed sign-in for local user "${username.slice(0, 64)}"`);
          throw new CredentialsSignin();
        }
        console.info(`[flowscope] local user "${username}" signed in as ${role}`);
        return { id: username, name: username, role };
      },
    }),
    ...ssoProviders(),
  ],
  callbacks: {
    jwt({ token, user, profile }) {
      if (user) token.role = user.role ?? roleFromClaims(profile ?? {});
      return token;
    },
    session({ session, token }) {
      session.user.role = isRole(token.role) ? token.role : "viewer";
      return session;
    },
  },
});

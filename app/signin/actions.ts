"use server";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { SignInLocked } from "@/lib/auth/signin-throttle";

export type SignInState = { error?: string; username?: string };

export async function signInWithPassword(_prev: SignInState, form: FormData): Promise<SignInState> {
  const username = String(form.get("username") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!username) return { error: "Username is required.", username };
  if (!password) return { error: "Password is required.", username };
  try {
    await signIn("credentials", { username, password, redirectTo: safeCallbackUrl(form.get("callbackUrl")) });
    return {};
  } catch (err) {
    // signIn redirects by throwing; only Auth.js's own errors mean the sign-in failed.
    if (err instanceof SignInLocked) {
      const minutes = Math.ceil(err.retryAfterS / 60);
      return {
        error: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
        username,
      };
    }
    if (err instanceof AuthError) return { error: "Wrong username or password.", username };
    throw err;
  }
}

export async function signInWithProvider(form: FormData): Promise<void> {
  await signIn(String(form.get("provider")), { redirectTo: safeCallbackUrl(form.get("callbackUrl")) });
}

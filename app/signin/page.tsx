import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { ssoProviderList } from "@/lib/auth/providers";
import { signInWithProvider } from "./actions";
import { SignInForm } from "./signin-form";

export const metadata = { title: "Sign in · Flowscope" };

export default async function SignInPage({ searchParams }: PageProps<"/signin">) {
  const { callbackUrl: raw } = await searchParams;
  const callbackUrl = safeCallbackUrl(Array.isArray(raw) ? raw[0] : raw);
  if ((await auth())?.user) redirect(callbackUrl);
  const providers = ssoProviderList();
  const demo = process.env.FLOWSCOPE_SOURCE === "emulator";
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 px-4">
      <div className="w-full max-w-sm rounded-xl bg-white p-8 shadow">
        <h1 className="text-2xl font-semibold text-slate-900">Flowscope</h1>
        <p className="mb-6 text-sm text-slate-500">VPC Flow Logs troubleshooting</p>
        <SignInForm callbackUrl={callbackUrl} />
        {demo && (
          <p className="mt-4 text-xs text-slate-500">
            Local admin: user <code>admin</code>, password from FLOWSCOPE_ADMIN_PASSWORD or printed by{" "}
            <code>npm start</code> on first start.
          </p>
        )}
        {providers.length > 0 && (
          <div className="mt-6 space-y-2 border-t border-slate-200 pt-6">
            {providers.map((p) => (
              <form key={p.id} action={signInWithProvider}>
                <input type="hidden" name="provider" value={p.id} />
                <input type="hidden" name="callbackUrl" value={callbackUrl} />
                <button
                  type="submit"
                  className="w-full rounded-md border border-slate-300 px-3 py-2 text-slate-700 hover:bg-slate-50"
                >
                  Sign in with {p.name}
                </button>
              </form>
            ))}
          </div>
        )}
      </div>
    </main>
  );
}

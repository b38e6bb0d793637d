import { Suspense } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { signOut } from "@/lib/auth/auth";
import { requireSession } from "@/lib/auth/guards";
import { dataSource } from "@/lib/aws/identity";
import { defaultRegion } from "@/lib/config/regions";

async function signOutAction() {
  "use server";
  await signOut({ redirectTo: "/signin" });
}

export default async function DashboardLayout({ children }: LayoutProps<"/">) {
  const session = await requireSession();
  const region = defaultRegion();
  const source = await dataSource(region);
  return (
    <div className="min-h-screen bg-slate-50">
      <Suspense>
        <AppHeader
          source={source}
          defaultRegion={region}
          user={{ name: session.user.name ?? "user", role: session.user.role }}
          signOut={signOutAction}
        />
      </Suspense>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}

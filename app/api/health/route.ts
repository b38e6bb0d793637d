import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/** Liveness for the start script and Playwright; says nothing about the account. */
export function GET() {
  return NextResponse.json({ ok: true });
}

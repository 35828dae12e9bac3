import type { Metadata } from "next";
import Link from "next/link";
import { signOutAction } from "@/app/login/actions";
import { pageOperator } from "@/lib/authz";

export const metadata: Metadata = { title: { default: "Operator console", template: "%s | Operator console" }, robots: { index: false } };

export default async function OpsLayout({ children }: { children: React.ReactNode }) {
  const user = await pageOperator();
  return (
    <div className="container-page py-6">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-4">
        <div>
          <div className="text-xl font-bold">Operator console</div>
          <p className="text-sm text-muted">Signed in as {user.email}</p>
        </div>
        <form action={signOutAction}>
          <button type="submit" className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-semibold">
            Sign out
          </button>
        </form>
      </div>
      <nav aria-label="Operator console" className="mt-3">
        <ul className="flex flex-wrap gap-x-5 text-sm font-medium">
          <li>
            <Link href="/ops">Overview</Link>
          </li>
          <li>
            <Link href="/ops/leads">Lead volume</Link>
          </li>
          <li>
            <Link href="/ops/schools">Schools</Link>
          </li>
          <li>
            <Link href="/ops/careers">Careers</Link>
          </li>
          <li>
            <Link href="/ops/review">Listing review</Link>
          </li>
          <li>
            <Link href="/ops/deliveries">Deliveries</Link>
          </li>
          <li>
            <Link href="/ops/clicks">Clicks to leads</Link>
          </li>
          <li>
            <Link href="/ops/privacy">Privacy requests</Link>
          </li>
          <li>
            <Link href="/ops/audit">Audit log</Link>
          </li>
          <li>
            <Link href="/ops/mailbox">Mailbox</Link>
          </li>
        </ul>
      </nav>
      <div className="mt-6">{children}</div>
    </div>
  );
}

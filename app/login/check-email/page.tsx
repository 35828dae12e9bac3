import type { Metadata } from "next";
import { PageLink } from "@/components/page-link";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

export default function CheckEmailPage() {
  return (
    <div className="container-page max-w-xl py-10">
      <h1 className="text-2xl font-bold">Check your email</h1>
      <p className="mt-3">
        If that address belongs to an account, a sign-in link is on its way. The link works once, for 10 minutes.
      </p>
      <p className="mt-3">
        <PageLink href="/login">Back to sign-in</PageLink>
      </p>
    </div>
  );
}

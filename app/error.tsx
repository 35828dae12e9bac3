"use client";

import Link from "next/link";

/**
 * What a page shows when rendering it failed on the server: most often the database is briefly out
 * of reach (a failover, a restart). Next answers with a 500 and this page inside the site's layout;
 * the student can try again, and nothing about the failure (which Next keeps as a digest) is shown.
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="container-page max-w-2xl py-16">
      <h1 className="text-3xl font-bold">We&apos;re having trouble right now</h1>
      <p className="mt-4 text-muted">
        This page could not be loaded because part of our service is not answering. Nothing you sent has been lost. Please try again in a
        moment.
      </p>
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <button
          type="button"
          onClick={() => reset()}
          className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2"
        >
          Try again
        </button>
        <Link href="/">Go to the home page</Link>
      </div>
    </div>
  );
}

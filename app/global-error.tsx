"use client";

import "./globals.css";

/**
 * The last resort, when even the root layout failed to render: a complete page of its own (it
 * replaces the layout), with the same message as app/error.tsx.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <head>
        <title>We&apos;re having trouble right now | CareerPath Schools</title>
      </head>
      <body className="bg-white font-sans text-ink antialiased">
        <main id="main" className="container-page max-w-2xl py-16">
          <h1 className="text-3xl font-bold">We&apos;re having trouble right now</h1>
          <p className="mt-4 text-muted">
            This page could not be loaded because part of our service is not answering. Please try again in a moment.
          </p>
          <p className="mt-6">
            <button type="button" onClick={() => reset()} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white">
              Try again
            </button>
          </p>
        </main>
      </body>
    </html>
  );
}

"use client";

import { useEffect, useRef, useState } from "react";
import { loadLeadForm } from "@/app/actions/leads";
import { attributionFrom } from "@/lib/leads/attribution";
import type { LeadFormData } from "@/lib/leads/form-data";
import { LeadForm } from "./lead-form";

type Props = {
  slug: string;
  title: string;
  schoolName: string;
  href: string;
  /** Changes on each click of the button: the dialog opens again (the form keeps what was typed). */
  openSignal: number;
};

/**
 * The Request Info modal and its form. Loaded on the first click of a Request Info button (see
 * request-info-button.tsx), so the form's code (react-hook-form, zod, phone numbers) is not part of
 * the pages that show ads. The browser's modal <dialog> keeps focus inside, closes on Esc and
 * returns focus to the button when closed.
 */
export default function RequestInfoDialog({ slug, title, schoolName, href, openSignal }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [data, setData] = useState<LeadFormData | null>(null);
  const [failed, setFailed] = useState(false);
  const headingId = `request-info-${slug}-heading`;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, [openSignal]);

  useEffect(() => {
    let live = true;
    loadLeadForm(slug).then(
      (loaded) => {
        if (!live) return;
        if (loaded) setData(loaded);
        else setFailed(true);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [slug]);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={headingId}
      className="m-0 h-full max-h-none w-full max-w-none bg-white p-0 backdrop:bg-slate-900/60 sm:m-auto sm:h-auto sm:max-h-[90vh] sm:max-w-2xl sm:rounded-lg"
    >
      <div className="sticky top-0 z-10 flex items-start justify-between gap-4 border-b border-slate-200 bg-white px-5 py-4">
        <div>
          <h2 id={headingId} className="text-lg font-semibold text-brand-800">
            Request information
          </h2>
          <p className="text-sm text-muted">
            {title} at {schoolName}
          </p>
        </div>
        <button
          type="button"
          onClick={() => dialogRef.current?.close()}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-ink hover:bg-slate-50"
        >
          Close
        </button>
      </div>
      <div className="px-5 py-4">
        {data ? (
          <LeadForm
            data={data}
            idPrefix={`dialog-${slug}`}
            attribution={attributionFrom(new URLSearchParams(window.location.search), document.referrer || null, window.location.pathname)}
          />
        ) : failed ? (
          <p role="alert">
            The form could not be loaded. <a href={href}>Open the request page</a> instead.
          </p>
        ) : (
          <p role="status">Loading the form…</p>
        )}
      </div>
    </dialog>
  );
}

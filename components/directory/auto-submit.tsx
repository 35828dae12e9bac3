"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { formAddress } from "./form-address";

/** The control to focus again after the form re-renders for new results (the form is keyed by its URL). */
let refocus: string | null = null;

/**
 * Makes the directory's GET form instant: a change to any control navigates at once to the address
 * of the filters it now holds (./form-address.ts; a history entry, so Back returns to the previous
 * filters). Without JavaScript the form's Apply button submits the same filters as a GET request.
 */
export function AutoSubmit() {
  const marker = useRef<HTMLSpanElement>(null);
  const router = useRouter();

  useEffect(() => {
    const form = marker.current?.closest("form");
    if (!form) return;
    if (refocus) {
      const target = form.querySelector<HTMLElement>(refocus);
      refocus = null;
      target?.focus();
    }
    const navigate = () => {
      const values = [...new FormData(form)].filter((entry): entry is [string, string] => typeof entry[1] === "string");
      const choices = (form.dataset.radiusChoices ?? "").split(" ").map(Number);
      router.push(formAddress(form.getAttribute("action") ?? "", form.dataset.cachedPath, values, choices), { scroll: false });
    };
    const onChange = (event: Event) => {
      const el = event.target as HTMLInputElement;
      // Text fields apply on Enter (submit); a half-typed ZIP should not flash an error.
      if (el.type === "text" || el.type === "search") return;
      refocus = el.id ? `#${CSS.escape(el.id)}` : null;
      navigate();
    };
    const onSubmit = (event: SubmitEvent) => {
      event.preventDefault();
      const active = document.activeElement;
      refocus = active instanceof HTMLElement && active.id && form.contains(active) ? `#${CSS.escape(active.id)}` : null;
      navigate();
    };
    form.addEventListener("change", onChange);
    form.addEventListener("submit", onSubmit);
    return () => {
      form.removeEventListener("change", onChange);
      form.removeEventListener("submit", onSubmit);
    };
  }, [router]);

  return <span ref={marker} hidden />;
}

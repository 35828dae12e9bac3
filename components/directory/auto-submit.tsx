"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/** The control to focus again after the form re-renders for new results (the form is keyed by its URL). */
let refocus: string | null = null;

/**
 * Makes the directory's GET form instant: a change to any control navigates to the form's URL at
 * once (a history entry, so Back returns to the previous filters). Without JavaScript the form's
 * Apply button submits the same GET request.
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
      const params = new URLSearchParams();
      for (const [key, value] of new FormData(form)) {
        if (typeof value === "string" && value.trim() !== "") params.append(key, value.trim());
      }
      router.push(formAddress(form, params), { scroll: false });
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

/**
 * Where the form's values go, without the defaults the server leaves out of its own links (the
 * recommended sort, a radius without a ZIP). A form with `data-cached-path` (the /schools directory)
 * goes to the filter set's page-cache address, spelled as lib/directory-cache's `directoryPath`
 * spells it (the fields are in the key's order), which skips the proxy step. A free-text search, or
 * no filter at all, goes to the form's action. Should the spellings ever differ, the route redirects
 * to its key, so the page is right either way, one hop later.
 */
function formAddress(form: HTMLFormElement, params: URLSearchParams): string {
  if (params.get("sort") === "recommended") params.delete("sort");
  if (!params.has("zip")) params.delete("radius");
  const query = params.toString();
  if (!query) return form.getAttribute("action") ?? "";
  const cachedPath = form.dataset.cachedPath;
  return cachedPath && !params.has("q") ? `${cachedPath}${query}` : `${form.getAttribute("action") ?? ""}?${query}`;
}

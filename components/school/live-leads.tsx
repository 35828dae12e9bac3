"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

type LiveLead = { id: string; name: string; programTitle: string; createdAt: string };

/**
 * Adds leads that arrive while the list is open, without a reload: asks the server every few
 * seconds for leads newer than the newest one it has seen (same filters, same school check).
 */
export function LiveLeads({ since, intervalMs = 4000 }: { since: string; intervalMs?: number }) {
  const [leads, setLeads] = useState<LiveLead[]>([]);
  const [cursor, setCursor] = useState(since);
  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const res = await fetch(`/school/leads/live?since=${encodeURIComponent(cursor)}`, { cache: "no-store" });
        if (!res.ok || stopped) return;
        const body = (await res.json()) as { leads: LiveLead[] };
        if (body.leads.length > 0) {
          setLeads((old) => [...body.leads.filter((l) => !old.some((o) => o.id === l.id)), ...old]);
          setCursor(body.leads[0]?.createdAt ?? cursor);
        }
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    }, intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [cursor, intervalMs]);
  return (
    <section aria-labelledby="live-leads" aria-live="polite" className={leads.length === 0 ? "sr-only" : "rounded-lg border border-green-300 bg-green-50 p-3"}>
      <h2 id="live-leads" className="text-sm font-semibold">
        {leads.length === 0 ? "No new leads since you opened this page" : `New since you opened this page: ${leads.length}`}
      </h2>
      <ul className="mt-1 space-y-1 text-sm">
        {leads.map((l) => (
          <li key={l.id}>
            <Link href={`/school/leads/${l.id}`}>{l.name}</Link> · {l.programTitle} · {new Date(l.createdAt).toLocaleString("en-US")}
          </li>
        ))}
      </ul>
    </section>
  );
}

import type { ProgramStatus } from "@/db/schema";

export const PROGRAM_STATUS_LABELS: Record<ProgramStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  active: "Live",
  paused: "Paused",
};

export function ProgramStatusBadge({ status }: { status: ProgramStatus }) {
  const tone = status === "active" ? "bg-green-100 text-green-900" : status === "in_review" ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-800";
  return <span className={`rounded px-2 py-0.5 text-xs font-semibold ${tone}`}>{PROGRAM_STATUS_LABELS[status]}</span>;
}

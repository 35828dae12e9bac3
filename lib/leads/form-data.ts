import "server-only";
import { randomUUID } from "node:crypto";
import type { RequestInfoContext } from "@/db/queries/leads";
import { campusSummary } from "@/lib/format";
import { issueFormToken } from "./signing";

/** What the Request Info form needs in the browser: no personal data, nothing secret. */
export type LeadFormData = {
  program: { id: number; title: string; slug: string; schoolId: number; schoolName: string; campuses: { id: number; name: string }[] };
  suggestions: { id: number; title: string; schoolId: number; schoolName: string; where: string }[];
  formToken: string;
  idempotencyKey: string;
};

export function leadFormData(context: RequestInfoContext): LeadFormData {
  const { program, suggestions } = context;
  return {
    program: {
      id: program.id,
      title: program.title,
      slug: program.slug,
      schoolId: program.schoolId,
      schoolName: program.schoolName,
      campuses: program.campuses.map((c) => ({ id: c.id, name: c.name })),
    },
    suggestions: suggestions.map((s) => ({
      id: s.id,
      title: s.title,
      schoolId: s.schoolId,
      schoolName: s.schoolName,
      where: campusSummary(
        s.campuses.map((c) => `${c.city}, ${c.state}`),
        s.delivery,
      ),
    })),
    formToken: issueFormToken(),
    idempotencyKey: randomUUID(),
  };
}

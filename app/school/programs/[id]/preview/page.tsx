import Link from "next/link";
import { notFound } from "next/navigation";
import { ProgramAdCard } from "@/components/directory/program-ad";
import { getProgramPreview } from "@/db/queries/portal-programs";
import { pageScope, recordOutOfScope } from "@/lib/authz";

export const metadata = { title: "Preview" };

export default async function ProgramPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await pageScope("admin");
  const { id } = await params;
  const ad = /^\d{1,9}$/.test(id) ? await getProgramPreview(scope, Number(id)) : null;
  if (!ad) {
    await recordOutOfScope(scope, "program", id.slice(0, 40));
    notFound();
  }
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">Preview</h1>
      <p className="text-sm text-muted">This is the ad exactly as students will see it in the directory, including any edit waiting for review.</p>
      <ProgramAdCard ad={ad} headingLevel={2} />
      <p>
        <Link href={`/school/programs/${ad.id}`}>Back to the program</Link>
      </p>
    </div>
  );
}

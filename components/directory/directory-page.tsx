import type { Metadata } from "next";
import type { RawSearchParams } from "@/lib/validations/directory";
import { Directory } from "./directory";

export const directoryMetadata: Metadata = {
  title: "Find a school program",
  description: "Compare health-information and medical office programs by credential, online or on campus, state and distance.",
  alternates: { canonical: "/schools" },
};

/** The /schools page: rendered per request (app/schools) or from the cache per filter set (app/directory). */
export function DirectoryPage({ searchParams }: { searchParams: RawSearchParams }) {
  return (
    <div className="container-page py-8">
      <h1 className="text-3xl font-bold tracking-tight">Find a school program</h1>
      <p className="mt-2 max-w-3xl text-muted">
        Programs in health information, medical coding and billing, and medical office work. Some schools pay for placement;
        their programs are labelled Sponsored.
      </p>
      <div className="mt-8">
        <Directory searchParams={searchParams} action="/schools" cachedAddresses />
      </div>
    </div>
  );
}

import type { Metadata } from "next";
import { ProsePage } from "@/components/ui/prose-page";

export const metadata: Metadata = { title: "Terms of use", description: "The terms for using CareerPath Schools." };

export default function TermsPage() {
  return (
    <ProsePage title="Terms of use">
      <p>
        CareerPath Schools publishes career information and advertisements for school programs. Career figures come
        from public sources, shown with their year; they describe the past and are not a promise of a job or a salary.
      </p>
      <p>
        Program descriptions are written by the schools and reviewed by us before they appear. Check details such as
        cost, accreditation and start dates with the school before you enrol.
      </p>
      <p>
        Schools that use the school portal agree to contact only students who asked them for information, to honour
        withdrawals of consent promptly, and to keep the data they receive secure.
      </p>
    </ProsePage>
  );
}

import type { Metadata } from "next";
import { ProsePage } from "@/components/ui/prose-page";

export const metadata: Metadata = {
  title: "Advertising disclosure",
  description: "How CareerPath Schools is paid by schools and how program listings are ordered.",
};

export default function AdvertisingDisclosurePage() {
  return (
    <ProsePage title="Advertising disclosure">
      <p>
        CareerPath Schools is free for students. We are paid by the schools whose programs appear here: some pay for a
        more prominent place in our listings, and schools pay us when a student asks them for information.
      </p>
      <h2>How listings are ordered</h2>
      <ul>
        <li>
          <strong>Recommended</strong> (the default): programs whose schools pay for placement come first, marked{" "}
          <em>Sponsored</em>, in the order of their placement. The rest follow by how well they match your search.
        </li>
        <li>
          <strong>Distance</strong>: when you give a ZIP code, you can sort by the distance to the nearest campus.
          Online programs have no distance and follow the campus programs.
        </li>
        <li>
          <strong>Name</strong>: alphabetical by program title.
        </li>
      </ul>
      <h2>What payment does not buy</h2>
      <p>
        Payment never changes the career information on this site, which comes from the U.S. Bureau of Labor Statistics
        with its source and year shown beside each figure. It does not change what a school&apos;s listing says about
        accreditation, and it never hides a program that matches your filters.
      </p>
      <h2>When you request information</h2>
      <p>
        Your request goes only to the schools you choose and name in the consent text on the form. You can withdraw your
        consent or ask us to delete your details at any time from the link in your confirmation email.
      </p>
    </ProsePage>
  );
}

import type { Metadata } from "next";
import { ProsePage } from "@/components/ui/prose-page";

export const metadata: Metadata = { title: "Privacy", description: "What CareerPath Schools collects, why, and your choices." };

export default function PrivacyPage() {
  return (
    <ProsePage title="Privacy">
      <p>
        You can read every career profile and browse every program without giving us any personal information. We do
        not use advertising cookies.
      </p>
      <h2>When you request information</h2>
      <p>
        We collect what you type into the form (your name, email, phone, ZIP code and education details) and send it
        only to the schools you chose. We keep a record of the consent you gave: the exact wording you saw, the schools
        it named, the time, and the address and browser it came from. The law requires us to keep that proof even after
        your other details are deleted.
      </p>
      <h2>Your choices</h2>
      <ul>
        <li>Withdraw consent: schools are told to stop contacting you, within 10 business days at the latest.</li>
        <li>Delete your details: we erase your personal fields within 45 days and keep only the consent proof.</li>
      </ul>
      <p>Both are one click away from the link in your confirmation email.</p>
      <h2>Clicks</h2>
      <p>
        When you follow a Visit School Site link, we count the click for the program and the page it came from. We do
        not record who you are.
      </p>
    </ProsePage>
  );
}

import { Button, Heading, Section, Text } from "@react-email/components";
import { DetailRows, EmailLayout, styles } from "./_components/layout";

export type LeadNotificationProps = {
  schoolName: string;
  programTitle: string;
  campusName: string | null;
  student: {
    firstName: string;
    lastName: string;
    email: string;
    phone: string;
    zip: string;
    city: string | null;
    state: string | null;
    education: string;
    desiredStart: string;
    hsGradYear: number | null;
    military: string | null;
  };
  consent: { version: string; sha256: string; schoolNames: string[]; consentedAtUtc: string };
  receivedAtUtc: string;
  leadUrl: string;
};

/** Sent to a school's confirmed lead recipients when a student asks it for information. */
export default function LeadNotification(props: LeadNotificationProps) {
  const { student, consent } = props;
  const place = [student.city, student.state].filter(Boolean).join(", ");
  return (
    <EmailLayout preview={`New request for information: ${props.programTitle}`}>
      <Heading as="h1" style={styles.h1}>
        New request for information
      </Heading>
      <Text style={styles.text}>
        {student.firstName} {student.lastName} asked {props.schoolName} about {props.programTitle}
        {props.campusName ? ` (${props.campusName} campus)` : ""}. Students who hear back within minutes are the most likely to enroll.
      </Text>
      <Heading as="h2" style={styles.h2}>
        Student
      </Heading>
      <DetailRows
        rows={[
          ["Name", `${student.firstName} ${student.lastName}`],
          ["Email", student.email],
          ["Phone", student.phone],
          ["ZIP", place ? `${student.zip} (${place})` : student.zip],
          ["Highest education", student.education],
          ["Wants to start", student.desiredStart],
          ["High-school graduation", student.hsGradYear ? String(student.hsGradYear) : null],
          ["Military affiliation", student.military],
        ]}
      />
      <Heading as="h2" style={styles.h2}>
        Program
      </Heading>
      <DetailRows
        rows={[
          ["Program", props.programTitle],
          ["Campus", props.campusName ?? "Not applicable"],
          ["Received (UTC)", props.receivedAtUtc],
        ]}
      />
      <Heading as="h2" style={styles.h2}>
        Consent
      </Heading>
      <Text style={styles.text}>
        The student ticked a consent box agreeing that {consent.schoolNames.join(", ")} may contact them by email, phone call and
        text message at the number above, including by automated means, at {consent.consentedAtUtc} UTC. Agreeing was not a
        condition of enrolling. Consent text version {consent.version}, SHA-256 {consent.sha256.slice(0, 16)}…
      </Text>
      <Section style={{ margin: "20px 0" }}>
        <Button href={props.leadUrl} style={styles.button}>
          Open the lead in your school portal
        </Button>
      </Section>
      <Text style={styles.small}>If the student withdraws consent, the lead in your portal says so; stop calling and texting them at once.</Text>
    </EmailLayout>
  );
}

LeadNotification.PreviewProps = {
  schoolName: "Valley Allied Health Institute",
  programTitle: "Medical Billing and Coding",
  campusName: "Panorama City",
  student: {
    firstName: "Maria",
    lastName: "Lopez",
    email: "maria@example.com",
    phone: "(213) 555-0123",
    zip: "91402",
    city: "Panorama City",
    state: "CA",
    education: "High school diploma",
    desiredStart: "In 1 to 3 months",
    hsGradYear: 2019,
    military: null,
  },
  consent: { version: "2026-01-tcpa-v1", sha256: "0".repeat(64), schoolNames: ["Valley Allied Health Institute"], consentedAtUtc: "2026-01-20 17:04" },
  receivedAtUtc: "2026-01-20 17:04",
  leadUrl: "http://localhost:3000/school/leads/00000000-0000-0000-0000-000000000000",
} satisfies LeadNotificationProps;

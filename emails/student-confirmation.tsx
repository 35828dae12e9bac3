import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "./_components/layout";

export type StudentConfirmationProps = {
  firstName: string;
  schools: { schoolName: string; programTitle: string; campusName: string | null }[];
  manageUrl: string;
};

/** Sent to the student after a request: who will contact them, and how to withdraw or delete. */
export default function StudentConfirmation(props: StudentConfirmationProps) {
  return (
    <EmailLayout preview="Your request for program information">
      <Heading as="h1" style={styles.h1}>
        Your request is on its way
      </Heading>
      <Text style={styles.text}>Hello {props.firstName}, thank you for your request. These schools will contact you:</Text>
      <ul>
        {props.schools.map((s) => (
          <li key={`${s.schoolName}-${s.programTitle}`} style={styles.text}>
            {s.schoolName}: {s.programTitle}
            {s.campusName ? ` (${s.campusName} campus)` : ""}
          </li>
        ))}
      </ul>
      <Text style={styles.text}>
        They may email, call or text you at the number you gave. You agreed to this when you sent the form; agreeing is not a
        condition of enrolling.
      </Text>
      <Heading as="h2" style={styles.h2}>
        Changed your mind?
      </Heading>
      <Text style={styles.text}>
        You can see your requests, withdraw your consent to be contacted, or ask us to delete your details, at any time:
      </Text>
      <Section style={{ margin: "16px 0" }}>
        <Button href={props.manageUrl} style={styles.button}>
          Manage my requests
        </Button>
      </Section>
      <Text style={styles.small}>This link is personal to you; do not forward this email.</Text>
    </EmailLayout>
  );
}

StudentConfirmation.PreviewProps = {
  firstName: "Maria",
  schools: [{ schoolName: "Valley Allied Health Institute", programTitle: "Medical Billing and Coding", campusName: "Panorama City" }],
  manageUrl: "http://localhost:3000/my-requests/example",
} satisfies StudentConfirmationProps;

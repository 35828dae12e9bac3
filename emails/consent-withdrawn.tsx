import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "./_components/layout";

export type ConsentWithdrawnProps = {
  schoolName: string;
  programTitle: string;
  withdrawnAtUtc: string;
  leadUrl: string;
};

/** Tells a school that a student withdrew consent: no more calls or texts. No personal details. */
export default function ConsentWithdrawn(props: ConsentWithdrawnProps) {
  return (
    <EmailLayout preview="A student withdrew consent to be contacted">
      <Heading as="h1" style={styles.h1}>
        Consent withdrawn
      </Heading>
      <Text style={styles.text}>
        A student who asked {props.schoolName} about {props.programTitle} withdrew consent to be contacted at{" "}
        {props.withdrawnAtUtc} UTC. Stop calling, texting and emailing them, and remove them from any automated lists.
      </Text>
      <Section style={{ margin: "16px 0" }}>
        <Button href={props.leadUrl} style={styles.button}>
          Open the lead
        </Button>
      </Section>
    </EmailLayout>
  );
}

ConsentWithdrawn.PreviewProps = {
  schoolName: "Valley Allied Health Institute",
  programTitle: "Medical Billing and Coding",
  withdrawnAtUtc: "2026-01-22 09:15",
  leadUrl: "http://localhost:3000/school/leads/00000000-0000-0000-0000-000000000000",
} satisfies ConsentWithdrawnProps;

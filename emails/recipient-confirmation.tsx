import { Button, Heading, Section, Text } from "@react-email/components";
import { EmailLayout, styles } from "./_components/layout";

export type RecipientConfirmationProps = {
  schoolName: string;
  /** The campus whose leads the address would receive; null for every campus. */
  campusName: string | null;
  confirmUrl: string;
  hours: number;
};

/**
 * Asks an address added as a lead recipient to confirm it. Until it does, it gets no lead: a typo in
 * the portal must not send students' details to a stranger.
 */
export default function RecipientConfirmation(props: RecipientConfirmationProps) {
  const scope = props.campusName ? `requests for its ${props.campusName} campus` : "requests for every campus";
  return (
    <EmailLayout preview={`Confirm that this address receives ${props.schoolName}'s student requests`}>
      <Heading as="h1" style={styles.h1}>
        Confirm your address
      </Heading>
      <Text style={styles.text}>
        Someone at {props.schoolName} added this address to receive the school&apos;s student requests from CareerPath Schools ({scope}).
        Each request holds a student&apos;s name, email and phone number, so we send none until you confirm.
      </Text>
      <Section style={{ margin: "16px 0" }}>
        <Button href={props.confirmUrl} style={styles.button}>
          Confirm this address
        </Button>
      </Section>
      <Text style={styles.small}>
        The link works once and expires in {props.hours} hours. If you do not expect these emails, ignore this one: nothing will be sent
        to you.
      </Text>
    </EmailLayout>
  );
}

RecipientConfirmation.PreviewProps = {
  schoolName: "Pacific Crest College",
  campusName: "Torrance",
  confirmUrl: "http://localhost:3000/lead-recipients/confirm/example-token",
  hours: 72,
} satisfies RecipientConfirmationProps;

import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

export const styles = {
  body: { backgroundColor: "#f4f6f9", fontFamily: "Arial, Helvetica, sans-serif", color: "#1b2430", margin: 0 },
  container: { backgroundColor: "#ffffff", margin: "24px auto", padding: "24px", maxWidth: "600px", borderRadius: "8px" },
  h1: { fontSize: "20px", lineHeight: "28px", margin: "0 0 12px", color: "#123b77" },
  h2: { fontSize: "16px", lineHeight: "24px", margin: "20px 0 8px", color: "#123b77" },
  text: { fontSize: "14px", lineHeight: "22px", margin: "0 0 10px" },
  small: { fontSize: "12px", lineHeight: "18px", color: "#4a5565", margin: "0 0 8px" },
  label: { fontSize: "13px", color: "#4a5565", padding: "4px 12px 4px 0", verticalAlign: "top" as const, width: "40%" },
  value: { fontSize: "14px", padding: "4px 0", verticalAlign: "top" as const },
  button: {
    backgroundColor: "#174c99",
    color: "#ffffff",
    padding: "10px 16px",
    borderRadius: "6px",
    fontSize: "14px",
    fontWeight: 600,
    textDecoration: "none",
  },
};

export function EmailLayout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          {children}
          <Hr />
          <Section>
            <Text style={styles.small}>CareerPath Schools connects students with school programs.</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

/** A two-column table of label/value rows; empty values are left out. */
export function DetailRows({ rows }: { rows: [string, string | null | undefined][] }) {
  return (
    <table role="presentation" width="100%" cellPadding={0} cellSpacing={0}>
      <tbody>
        {rows
          .filter(([, v]) => v)
          .map(([label, value]) => (
            <tr key={label}>
              <td style={styles.label}>{label}</td>
              <td style={styles.value}>{value}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

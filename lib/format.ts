import type { CredentialLevel, DeliveryMode } from "@/db/schema";

export const CREDENTIAL_LABELS: Record<CredentialLevel, string> = {
  certificate: "Certificate",
  diploma: "Diploma",
  associate: "Associate degree",
  bachelor: "Bachelor's degree",
  master: "Master's degree",
};

export const DELIVERY_LABELS: Record<DeliveryMode, string> = {
  online: "Online",
  campus: "On campus",
  hybrid: "Hybrid (campus and online)",
};

const integer = new Intl.NumberFormat("en-US");
const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

export const formatNumber = (n: number) => integer.format(n);
export const formatDollars = (n: number) => dollars.format(n);

export function formatMonths(months: number): string {
  return months === 1 ? "1 month" : `${months} months`;
}

/** "Los Angeles, CA", "Los Angeles, CA and 2 more", or "Online". */
export function campusSummary(cities: string[], delivery: DeliveryMode): string {
  if (cities.length === 0) return "Online";
  const [first, ...rest] = cities;
  const base = rest.length === 0 ? first : `${first} and ${rest.length} more`;
  return delivery === "hybrid" ? `${base} + online` : (base as string);
}

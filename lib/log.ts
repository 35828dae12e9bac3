/**
 * Errors as they may appear in logs: what failed and where, never the values involved. Database
 * errors carry row values (a Postgres `detail`, Drizzle's "params: ..." in its message, "invalid
 * input syntax for type uuid: \"...\"") and leads are personal data, so for them only the SQLSTATE
 * code and the names of the constraint, table and column are kept. Other messages are kept with
 * anything shaped like an email address or a phone number blanked out.
 */
type PgFields = { code?: unknown; constraint_name?: unknown; constraint?: unknown; table_name?: unknown; table?: unknown; column_name?: unknown; column?: unknown };

const SQLSTATE = /^[0-9A-Z]{5}$/;

function pgFields(error: unknown): PgFields | null {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as PgFields).code;
    if (typeof code === "string" && SQLSTATE.test(code)) return e as PgFields;
  }
  return null;
}

const isDrizzleQueryError = (error: unknown) => error instanceof Error && error.message.startsWith("Failed query:");

export function redactPersonalData(text: string): string {
  return text
    .replace(/[^\s"'<>(),;:]+@[^\s"'<>(),;:]+/g, "[email]")
    .replace(/\+?\(?\d[\d\s().-]{5,}\d/g, "[number]");
}

export function safeErrorSummary(error: unknown): string {
  if (!(error instanceof Error)) return "unknown error";
  const pg = pgFields(error);
  if (pg) {
    const parts = [`database error ${String(pg.code)}`];
    const constraint = pg.constraint_name ?? pg.constraint;
    const table = pg.table_name ?? pg.table;
    const column = pg.column_name ?? pg.column;
    if (typeof constraint === "string") parts.push(`constraint ${constraint}`);
    if (typeof table === "string") parts.push(`table ${table}`);
    if (typeof column === "string") parts.push(`column ${column}`);
    return parts.join(", ");
  }
  if (isDrizzleQueryError(error)) return "database query failed";
  return `${error.name}: ${redactPersonalData(error.message).slice(0, 300)}`;
}

import { sql } from "drizzle-orm";
import {
  customType,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

/* ------------------------------------------------------------------ careers */

export type Specialty = { name: string; description: string };
export type Certification = { acronym: string; name: string; description: string };
export type Projection = {
  baseYear: number;
  baseJobs: number;
  projectedYear: number;
  projectedJobs: number;
  source: string;
};

/** Structured profile text. Every string is our own wording; figures carry their source. */
export type OccupationSections = {
  work: string[];
  recordContents?: string[];
  duties: string[];
  specialties: Specialty[];
  workingConditions: string[];
  outlook: string[];
  projection?: Projection;
  training: string[];
  certifications: Certification[];
  employers: string[];
};

export const occupations = pgTable("occupations", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  shortTitle: text("short_title").notNull(),
  socCode2010: text("soc_code_2010"),
  socCode2018: text("soc_code_2018"),
  summary: text("summary").notNull(),
  sections: jsonb("sections").$type<OccupationSections>().notNull(),
  dataSource: text("data_source").notNull(),
  dataYear: smallint("data_year").notNull(),
  sourceNote: text("source_note"),
  lastReviewedOn: date("last_reviewed_on", { mode: "string" }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const occupationRelations = pgTable(
  "occupation_relations",
  {
    occupationId: integer("occupation_id").notNull().references(() => occupations.id, { onDelete: "cascade" }),
    relatedId: integer("related_id").notNull().references(() => occupations.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.occupationId, t.relatedId] })],
);

/** A metropolitan statistical area: one row per MSA, never one per city. */
export const metroAreas = pgTable("metro_areas", {
  id: serial("id").primaryKey(),
  cbsaCode: text("cbsa_code").unique(),
  name: text("name").notNull().unique(),
  principalCities: text("principal_cities").array().notNull(),
  states: text("states").array().notNull(),
});

export const occupationMetroStats = pgTable(
  "occupation_metro_stats",
  {
    occupationId: integer("occupation_id").notNull().references(() => occupations.id, { onDelete: "cascade" }),
    metroId: integer("metro_id").notNull().references(() => metroAreas.id, { onDelete: "cascade" }),
    sourceYear: smallint("source_year").notNull(),
    employment: integer("employment").notNull(),
    annualMedianSalary: integer("annual_median_salary").notNull(),
    source: text("source").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.occupationId, t.metroId, t.sourceYear] }),
    index("occupation_metro_stats_metro_idx").on(t.metroId),
  ],
);

export const occupationIndustryStats = pgTable(
  "occupation_industry_stats",
  {
    id: serial("id").primaryKey(),
    occupationId: integer("occupation_id").notNull().references(() => occupations.id, { onDelete: "cascade" }),
    industry: text("industry").notNull(),
    sourceYear: smallint("source_year").notNull(),
    jobs: integer("jobs").notNull(),
    sharePercent: smallint("share_percent").notNull(),
    annualMedianSalary: integer("annual_median_salary").notNull(),
    source: text("source").notNull(),
  },
  (t) => [uniqueIndex("occupation_industry_unique").on(t.occupationId, t.industry, t.sourceYear)],
);

/* ------------------------------------------------------------------ schools */

/**
 * Directory search (owner: directory). A generated `tsvector` of a name, so word-prefix search
 * ("cod" finds "Coding") uses a GIN index on Postgres and PGlite alike (pg_trgm is not in PGlite).
 */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const nameSearch = (column: string) =>
  tsvector(`${column}_search`).generatedAlwaysAs(sql.raw(`to_tsvector('simple'::regconfig, "${column}")`));

export const schoolStatus = pgEnum("school_status", ["active", "suspended"]);
export const credentialLevel = pgEnum("credential_level", ["certificate", "diploma", "associate", "bachelor", "master"]);
export const deliveryMode = pgEnum("delivery_mode", ["online", "campus", "hybrid"]);
export const programStatus = pgEnum("program_status", ["draft", "in_review", "active", "paused"]);

export const schools = pgTable(
  "schools",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    website: text("website").notNull(),
    logoUrl: text("logo_url"),
    description: text("description").notNull().default(""),
    /** The accrediting body, e.g. "Accrediting Bureau of Health Education Schools (ABHES)". Null: not accredited. */
    accreditation: text("accreditation"),
    accreditationType: text("accreditation_type"),
    status: schoolStatus("status").notNull().default("active"),
    /** Operator setting: edits to active listings go live without review. */
    publishWithoutReview: boolean("publish_without_review").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Directory search (generated). */
    nameSearch: nameSearch("name"),
  },
  (t) => [index("schools_status_idx").on(t.status), index("schools_name_search_idx").using("gin", t.nameSearch)],
);

export const campuses = pgTable(
  "campuses",
  {
    id: serial("id").primaryKey(),
    schoolId: integer("school_id").notNull().references(() => schools.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    address: text("address").notNull(),
    city: text("city").notNull(),
    state: text("state").notNull(),
    zip: text("zip").notNull(),
    latitude: doublePrecision("latitude").notNull(),
    longitude: doublePrecision("longitude").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("campuses_school_idx").on(t.schoolId),
    index("campuses_state_idx").on(t.state),
    index("campuses_lat_lng_idx").on(t.latitude, t.longitude),
  ],
);

export const programAreas = pgTable("program_areas", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  cipCode: text("cip_code").notNull(),
});

export const programs = pgTable(
  "programs",
  {
    id: serial("id").primaryKey(),
    schoolId: integer("school_id").notNull().references(() => schools.id, { onDelete: "cascade" }),
    programAreaId: integer("program_area_id").notNull().references(() => programAreas.id),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    credentialLevel: credentialLevel("credential_level").notNull(),
    delivery: deliveryMode("delivery").notNull(),
    lengthMonths: smallint("length_months").notNull(),
    highlights: text("highlights").array().notNull().default(sql`'{}'::text[]`),
    /** Where Visit School Site leads. Only ever taken from here, never from a request. */
    websiteUrl: text("website_url").notNull(),
    status: programStatus("status").notNull().default("draft"),
    /** Lower is higher on the page; null is not sponsored. */
    sponsoredRank: smallint("sponsored_rank"),
    dailyLeadCap: integer("daily_lead_cap"),
    monthlyLeadCap: integer("monthly_lead_cap"),
    /**
     * Lead caps (owner: portal). Set when a lead brings the program to its daily or monthly cap: the
     * end of that UTC day or month. While it is in the future the ad says "Not taking requests right
     * now"; the directory reads this column instead of counting leads. Recomputed when caps change.
     */
    leadCapReachedUntil: timestamp("lead_cap_reached_until", { withTimezone: true, mode: "date" }),
    /** An edit to an active listing waiting for review: the fields it would change. */
    pendingChanges: jsonb("pending_changes").$type<Record<string, unknown>>(),
    reviewNote: text("review_note"),
    publishedAt: timestamp("published_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Directory search (generated). */
    titleSearch: nameSearch("title"),
  },
  (t) => [
    index("programs_school_idx").on(t.schoolId),
    index("programs_active_idx").on(t.status, t.programAreaId, t.credentialLevel, t.delivery),
    // Directory (owner: directory): listed programs in the two page orders, with the filter columns
    // as trailing keys so a filtered walk checks them inside the index and stops after one page.
    index("programs_directory_rank_idx")
      .on(t.sponsoredRank, t.title, t.id, t.programAreaId, t.credentialLevel, t.delivery, t.schoolId)
      .where(sql`status = 'active'`),
    index("programs_directory_title_idx")
      .on(t.title, t.id, t.programAreaId, t.credentialLevel, t.delivery, t.schoolId)
      .where(sql`status = 'active'`),
    index("programs_title_search_idx").using("gin", t.titleSearch),
    check("programs_length_check", sql`${t.lengthMonths} between 1 and 120`),
  ],
);

export const programCampuses = pgTable(
  "program_campuses",
  {
    programId: integer("program_id").notNull().references(() => programs.id, { onDelete: "cascade" }),
    campusId: integer("campus_id").notNull().references(() => campuses.id, { onDelete: "restrict" }),
  },
  (t) => [
    primaryKey({ columns: [t.programId, t.campusId] }),
    // (campus, program): the ZIP-radius and state filters go from campuses to programs index-only.
    index("program_campuses_campus_idx").on(t.campusId, t.programId),
  ],
);

export const programOccupations = pgTable(
  "program_occupations",
  {
    programId: integer("program_id").notNull().references(() => programs.id, { onDelete: "cascade" }),
    occupationId: integer("occupation_id").notNull().references(() => occupations.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.programId, t.occupationId] }),
    index("program_occupations_occupation_idx").on(t.occupationId),
  ],
);

/* ---------------------------------------------- directory listings (owner: directory) */

/** What both directory tables hold of a listed program: its plain filters and its page order. */
const listingColumns = () => ({
  programAreaId: integer("program_area_id").notNull(),
  credentialLevel: credentialLevel("credential_level").notNull(),
  delivery: deliveryMode("delivery").notNull(),
  sponsoredRank: smallint("sponsored_rank"),
  title: text("title").notNull(),
  accredited: boolean("accredited").notNull(),
});

/**
 * One row per listed program (active, school not suspended) with every directory filter on it, kept
 * by triggers (migration 0005_directory_listings_triggers): the directory filters, orders and counts
 * on this one narrow table instead of joining programs, schools and campuses for every candidate.
 */
export const directoryListings = pgTable(
  "directory_listings",
  {
    programId: integer("program_id")
      .primaryKey()
      .references(() => programs.id, { onDelete: "cascade" }),
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    ...listingColumns(),
    /** The campus states of the program (distinct). */
    states: text("states").array().notNull().default(sql`'{}'::text[]`),
    /**
     * Every prefix of every word of the program title and the school name (lower case, letters and
     * digits): word-prefix search is then an exact `@>` on a GIN index, with no recheck, and the
     * planner's element statistics estimate it well (a tsquery prefix match is estimated blind).
     * Since migration 0013 it also holds the plain filters as tokens ("area:3", "credential:bachelor",
     * "delivery:online", "accredited:", "state:CA"; a colon never occurs in a search word), so words
     * and filters together are one GIN intersection.
     */
    words: text("words").array().notNull(),
    /** The same (with the filter tokens) for the program title alone (title matches rank first). */
    titleWords: text("title_words").array().notNull(),
    /** The same for the school name alone (finds the school-name-only matches directly). */
    schoolWords: text("school_words").array().notNull(),
  },
  (t) => [
    // The two page orders, with the plain filters as trailing keys so a filtered walk checks them
    // in the index (index-only) and stops after one page.
    index("directory_listings_rank_idx").on(
      t.sponsoredRank,
      t.title,
      t.programId,
      t.programAreaId,
      t.credentialLevel,
      t.delivery,
      t.accredited,
    ),
    index("directory_listings_title_idx").on(t.title, t.programId, t.programAreaId, t.credentialLevel, t.delivery, t.accredited),
    index("directory_listings_words_idx").using("gin", t.words),
    index("directory_listings_title_words_idx").using("gin", t.titleWords),
    index("directory_listings_school_words_idx").using("gin", t.schoolWords),
    index("directory_listings_states_idx").using("gin", t.states),
    index("directory_listings_school_idx").on(t.schoolId),
  ],
);

type IndexColumn = Parameters<ReturnType<typeof index>["on"]>[0];
type PositionColumns = "latitude" | "longitude" | "programId" | "state" | "programAreaId" | "credentialLevel" | "delivery" | "accredited" | "sponsoredRank" | "title";
/**
 * The campus indexes' keys: the position first (the box), then all the page and the count read.
 * Longitude leads (migration 0018): the index reads the box's whole band of the leading key and
 * checks the other in the index, and the country is wider than it is tall, so a longitude band holds
 * about half the campuses of a latitude band (a ZIP search's index scan: 25 % faster).
 */
const positionKeys = (t: Record<PositionColumns, IndexColumn>) =>
  [t.longitude, t.latitude, t.programId, t.state, t.programAreaId, t.credentialLevel, t.delivery, t.accredited, t.sponsoredRank, t.title] as const;

/**
 * One row per (listed program, campus), with the campus's position and state and the program's plain
 * filters and title, kept by the same triggers as `directory_listings` (migrations 0009, 0012): a ZIP
 * radius reads the campuses in its box from one index (index-only) instead of joining campuses, links
 * and listings; without search words or a career, its page and count never read `directory_listings`.
 */
export const directoryCampuses = pgTable(
  "directory_campuses",
  {
    programId: integer("program_id")
      .notNull()
      .references(() => programs.id, { onDelete: "cascade" }),
    campusId: integer("campus_id")
      .notNull()
      .references(() => campuses.id, { onDelete: "cascade" }),
    latitude: doublePrecision("latitude").notNull(),
    longitude: doublePrecision("longitude").notNull(),
    state: text("state").notNull(),
    /** The program's filters and order (its title since migration 0012), read from the index with the rest. */
    ...listingColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.programId, t.campusId] }),
    // The box: longitude range, latitude checked in the index; the filters too (index-only).
    index("directory_campuses_position_idx").on(...positionKeys(t)),
    // Sponsored programs come first whatever their distance: their campuses, apart.
    index("directory_campuses_sponsored_idx")
      .on(...positionKeys(t))
      .where(sql`sponsored_rank is not null`),
    index("directory_campuses_campus_idx").on(t.campusId),
  ],
);

/** A Visit School Site click. No personal data: program, time, and the path it came from. */
export const programClicks = pgTable(
  "program_clicks",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    programId: integer("program_id").notNull().references(() => programs.id, { onDelete: "cascade" }),
    schoolId: integer("school_id").notNull().references(() => schools.id, { onDelete: "cascade" }),
    fromPath: text("from_path"),
    createdAt: createdAt(),
  },
  (t) => [
    index("program_clicks_program_time_idx").on(t.programId, t.createdAt),
    // ops (clicks to leads): a range is read from the index alone (see db/queries/ops-clicks.ts).
    index("program_clicks_time_idx").on(t.createdAt, t.programId, t.schoolId),
  ],
);

/* ------------------------------------------------------------ people, roles */

export const userRole = pgEnum("user_role", ["operator", "user"]);
export const membershipRole = pgEnum("membership_role", ["admin", "member"]);

export const users = pgTable("users", {
  id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
  name: text("name"),
  email: text("email").notNull().unique(),
  emailVerified: timestamp("email_verified", { withTimezone: true, mode: "date" }),
  image: text("image"),
  passwordHash: text("password_hash"),
  role: userRole("role").notNull().default("user"),
  disabledAt: timestamp("disabled_at", { withTimezone: true, mode: "date" }),
  createdAt: createdAt(),
});

/** Auth.js adapter tables (names and columns as @auth/drizzle-adapter expects). */
export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
});

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export const schoolMemberships = pgTable(
  "school_memberships",
  {
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    schoolId: integer("school_id").notNull().references(() => schools.id, { onDelete: "cascade" }),
    role: membershipRole("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.schoolId] }), index("school_memberships_school_idx").on(t.schoolId)],
);

export const invitations = pgTable("invitations", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull(),
  schoolId: integer("school_id").references(() => schools.id, { onDelete: "cascade" }),
  role: membershipRole("role").notNull(),
  /** SHA-256 of the token in the link; the token itself is never stored. */
  tokenHash: text("token_hash").notNull().unique(),
  invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
  expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  acceptedAt: timestamp("accepted_at", { withTimezone: true, mode: "date" }),
  createdAt: createdAt(),
});

/* -------------------------------------------------------------------- leads */

export const leadStatus = pgEnum("lead_status", ["new", "contacted", "appointment", "applied", "enrolled", "closed"]);

/**
 * One "Request Info" submission by one student. It may reach several schools (one lead each).
 * Personal fields live here once; a deletion scrubs them and keeps the consent record.
 */
export const leadRequests = pgTable(
  "lead_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email").notNull(),
    phoneE164: text("phone_e164").notNull(),
    zip: text("zip").notNull(),
    city: text("city"),
    state: text("state"),
    educationLevel: text("education_level").notNull(),
    desiredStart: text("desired_start").notNull(),
    hsGradYear: smallint("hs_grad_year"),
    militaryAffiliation: text("military_affiliation"),
    attribution: jsonb("attribution").$type<Record<string, string>>().notNull().default({}),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true, mode: "date" }),
    deletionRequestedAt: timestamp("deletion_requested_at", { withTimezone: true, mode: "date" }),
    scrubbedAt: timestamp("scrubbed_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("lead_requests_email_idx").on(t.email),
    index("lead_requests_phone_idx").on(t.phoneE164),
    index("lead_requests_created_idx").on(t.createdAt),
  ],
);

/** What one school receives from one request: the billable unit. */
export const leads = pgTable(
  "leads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id").notNull().references(() => leadRequests.id, { onDelete: "cascade" }),
    schoolId: integer("school_id").notNull().references(() => schools.id, { onDelete: "restrict" }),
    programId: integer("program_id").notNull().references(() => programs.id, { onDelete: "restrict" }),
    campusId: integer("campus_id").references(() => campuses.id, { onDelete: "set null" }),
    status: leadStatus("status").notNull().default("new"),
    closedReason: text("closed_reason"),
    /** A repeat of an earlier lead to the same school within the window: recorded, not billed. */
    duplicateOfId: uuid("duplicate_of_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("leads_school_time_idx").on(t.schoolId, t.createdAt),
    index("leads_program_time_idx").on(t.programId, t.createdAt),
    index("leads_request_idx").on(t.requestId),
    // ops (clicks to leads): first leads of a range, read from the index alone (db/queries/ops-clicks.ts).
    index("leads_first_time_idx").on(t.createdAt, t.programId, t.schoolId).where(sql`${t.duplicateOfId} is null`),
  ],
);

export const leadEvents = pgTable(
  "lead_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    leadId: uuid("lead_id").notNull().references(() => leads.id, { onDelete: "cascade" }),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind").notNull(),
    fromStatus: leadStatus("from_status"),
    toStatus: leadStatus("to_status"),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [index("lead_events_lead_idx").on(t.leadId, t.createdAt)],
);

/** Proof of consent, kept apart from the lead's personal fields and never scrubbed. */
export const consentRecords = pgTable("consent_records", {
  id: uuid("id").primaryKey().defaultRandom(),
  requestId: uuid("request_id").notNull().unique().references(() => leadRequests.id, { onDelete: "restrict" }),
  textVersion: text("text_version").notNull(),
  text: text("text").notNull(),
  textSha256: text("text_sha256").notNull(),
  schoolIds: integer("school_ids").array().notNull(),
  schoolNames: text("school_names").array().notNull(),
  consentedAt: timestamp("consented_at", { withTimezone: true, mode: "date" }).notNull(),
  ipAddress: text("ip_address"),
  userAgent: text("user_agent"),
  pageUrl: text("page_url"),
  withdrawnAt: timestamp("withdrawn_at", { withTimezone: true, mode: "date" }),
});

/* -------------------------------------------------------------------- email */

export const outboxStatus = pgEnum("outbox_status", ["pending", "sending", "sent", "failed"]);

/**
 * Every email the product sends passes through here. A row is written in the same transaction as
 * what caused it, then a worker delivers it (to the provider, or to the local mailbox).
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "set null" }),
    schoolId: integer("school_id").references(() => schools.id, { onDelete: "set null" }),
    toAddresses: text("to_addresses").array().notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    /** Sent to the provider as Idempotency-Key: a retry never becomes a second email. */
    idempotencyKey: text("idempotency_key").notNull().unique(),
    status: outboxStatus("status").notNull().default("pending"),
    /** "resend" or "local": where it went. */
    transport: text("transport"),
    attempts: smallint("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
    lastError: text("last_error"),
    providerMessageId: text("provider_message_id"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("email_outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("email_outbox_lead_idx").on(t.leadId),
  ],
);

/* -------------------------------------------------------------------- audit */

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    schoolId: integer("school_id").references(() => schools.id, { onDelete: "set null" }),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    ipAddress: text("ip_address"),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_events_time_idx").on(t.createdAt),
    index("audit_events_school_time_idx").on(t.schoolId, t.createdAt),
  ],
);

/* ------------------------------------------------- portal: sign-in limits */

/**
 * One password sign-in attempt. Limits per account and per IP are counted from here, so they hold
 * across servers. Keeps the address typed (lower-cased) and the IP only: never the password.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    ipAddress: text("ip_address").notNull(),
    succeeded: boolean("succeeded").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("sign_in_attempts_email_time_idx").on(t.email, t.createdAt),
    index("sign_in_attempts_ip_time_idx").on(t.ipAddress, t.createdAt),
  ],
);

/* ------------------------------------------------- lead delivery (leads area) */

/**
 * Who receives a school's lead emails. Only confirmed recipients get leads; the school portal
 * manages them and their confirmation (the token itself is never stored, only its SHA-256).
 * A null campus means every campus of the school.
 */
export const schoolLeadRecipients = pgTable(
  "school_lead_recipients",
  {
    id: serial("id").primaryKey(),
    schoolId: integer("school_id").notNull().references(() => schools.id, { onDelete: "cascade" }),
    campusId: integer("campus_id").references(() => campuses.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true, mode: "date" }),
    confirmationTokenHash: text("confirmation_token_hash").unique(),
    createdAt: createdAt(),
  },
  (t) => [
    index("school_lead_recipients_school_idx").on(t.schoolId),
    uniqueIndex("school_lead_recipients_unique").on(t.schoolId, t.email),
  ],
);

/**
 * Fixed-window counters for rate limits, kept in the database so every app server shares them.
 * The key never holds an address in clear: it is an HMAC of it.
 */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true, mode: "date" }).notNull(),
    count: integer("count").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limit_counters_expires_idx").on(t.expiresAt)],
);

/* ------------------------------------------------- faults: shared cache tags */
/**
 * When each of Next's cache tags (e.g. "directory") was last revalidated, so that every app server
 * drops cached reads another server invalidated (lib/cache/shared-tag-cache.mjs).
 */
export const cacheTagRevalidations = pgTable("cache_tag_revalidations", {
  tag: text("tag").primaryKey(),
  revalidatedAt: timestamp("revalidated_at", { withTimezone: true, mode: "date" }).notNull(),
});

export type SchoolLeadRecipient = typeof schoolLeadRecipients.$inferSelect;

/* ------------------------------------------- ops: operator dashboard rollups */
/*
 * Counts behind the operator dashboard, kept exact by triggers on leads, lead_requests and
 * email_outbox (migration "ops_dashboard_rollup_triggers"): each insert, update or delete of a lead
 * or a lead notification takes its old row out and puts its new row in. A 90-day range then reads
 * a few thousand small rows (or two look-ups per school) instead of a quarter of a million leads.
 * Days are UTC dates of the lead's created_at. `rebuildLeadRollups()` in
 * db/queries/ops-dashboard.ts recomputes them all from the raw rows.
 */
/**
 * Running totals per school: leads (and duplicates) from the school's first lead up to and
 * including `day`, one row per day the school got leads. A range's count for every school is two
 * index look-ups each (the last row before the range's end minus the last row before its start),
 * however long the range.
 */
export const opsSchoolLeadTotals = pgTable(
  "ops_school_lead_totals",
  {
    schoolId: integer("school_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    leads: integer("leads").notNull().default(0),
    duplicates: integer("duplicates").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.day] })],
);

export const opsLeadsByAreaDaily = pgTable(
  "ops_leads_by_area_daily",
  {
    day: date("day", { mode: "string" }).notNull(),
    programAreaId: integer("program_area_id").notNull(),
    leads: integer("leads").notNull().default(0),
    duplicates: integer("duplicates").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.programAreaId] })],
);

export const opsLeadsByStateDaily = pgTable(
  "ops_leads_by_state_daily",
  {
    day: date("day", { mode: "string" }).notNull(),
    /** The student's state, or "Unknown". */
    state: text("state").notNull(),
    leads: integer("leads").notNull().default(0),
    duplicates: integer("duplicates").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.state] })],
);

export const opsLeadsBySourceDaily = pgTable(
  "ops_leads_by_source_daily",
  {
    day: date("day", { mode: "string" }).notNull(),
    /** attribution.utm_source, or "(none)". */
    source: text("source").notNull(),
    leads: integer("leads").notNull().default(0),
    duplicates: integer("duplicates").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.source] })],
);

/** Lead notifications per day of the lead and outbox status. */
export const opsDeliveriesDaily = pgTable(
  "ops_deliveries_daily",
  {
    day: date("day", { mode: "string" }).notNull(),
    status: outboxStatus("status").notNull(),
    emails: integer("emails").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.status] })],
);

/** Sent lead notifications per day of the lead and whole seconds from submission to sending. */
export const opsDeliverySecondsDaily = pgTable(
  "ops_delivery_seconds_daily",
  {
    day: date("day", { mode: "string" }).notNull(),
    seconds: integer("seconds").notNull(),
    emails: integer("emails").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.seconds] })],
);

/** The same per ISO week (from Monday): a long range reads whole weeks here and its edge days above. */
export const opsDeliverySecondsWeekly = pgTable(
  "ops_delivery_seconds_weekly",
  {
    week: date("week", { mode: "string" }).notNull(),
    seconds: integer("seconds").notNull(),
    emails: integer("emails").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.week, t.seconds] })],
);

/* ------------------------------------------- ops: refused Request Info submissions */
/**
 * One Request Info submission the server refused to store: the program at its cap or not taking
 * requests, a rate limit, a bot trap (hidden field, too fast), an expired or forged form. Field
 * errors the student then corrects are not recorded: those were never leads. No personal data: no
 * name, address, phone or IP, only when, which program (when it exists) and why.
 */
export const leadRejectionReasons = ["at_cap", "unavailable", "rate_limited", "bot_trap", "too_fast", "invalid_form"] as const;
export type LeadRejectionReason = (typeof leadRejectionReasons)[number];

export const leadRejections = pgTable(
  "lead_rejections",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    reason: text("reason").$type<LeadRejectionReason>().notNull(),
    programId: integer("program_id").references(() => programs.id, { onDelete: "set null" }),
    schoolId: integer("school_id").references(() => schools.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("lead_rejections_time_idx").on(t.createdAt)],
);

/** Refused submissions per UTC day and reason, kept exact by a trigger on lead_rejections (migration "lead_rejections_triggers"). */
export const opsLeadRejectionsDaily = pgTable(
  "ops_lead_rejections_daily",
  {
    day: date("day", { mode: "string" }).notNull(),
    reason: text("reason").notNull(),
    rejections: integer("rejections").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.reason] })],
);

/* ------------------------------------------- ops: clicks to leads (owner: clicks) */
/**
 * Running counts of Visit School Site clicks and first leads (not repeats), per program and per
 * school, behind /ops/clicks (db/queries/ops-clicks.ts). Kept exact by triggers on program_clicks
 * and leads (migration "ops_click_lead_months_triggers"); `ops_click_lead_months_rebuild()`
 * recomputes them from the raw rows.
 *
 * A series is one program (`series` = its id) or one school (`series` = minus its id), keyed by the
 * ids on the click and lead rows themselves. It has one row per UTC month from its first month with
 * a click or lead to its last, with no gaps: `clicks_before` counts everything before the month,
 * `clicks[k]` (k = 1..days in month) everything in the month up to and including day k; null when
 * the month had none. The count before any day is then one row's `before + array[day - 1]`, so a
 * range of whole days reads two rows per program (the months of its first day and of the day after
 * its last), however long the range. Per-day rows would not do: clicks are spread thin over
 * thousands of programs, so a program-day row holds about one click and there are as many rows as
 * clicks.
 */
export const opsClickLeadMonths = pgTable(
  "ops_click_lead_months",
  {
    month: date("month", { mode: "string" }).notNull(),
    /** A program's id, or a school's id negated. */
    series: integer("series").notNull(),
    clicksBefore: integer("clicks_before").notNull().default(0),
    leadsBefore: integer("leads_before").notNull().default(0),
    clicks: integer("clicks").array(),
    leads: integer("leads").array(),
    /** The series' latest month: past it, the count stays at that month's total. */
    isLast: boolean("is_last").notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.series] }),
    index("ops_click_lead_months_series_idx").on(t.series, t.month),
    index("ops_click_lead_months_last_idx").on(t.month).where(sql`${t.isLast}`),
  ],
);

/* ------------------------------------------------------------------ types */

/* ------------------------------------------------ ops: console settings */

/** Operator settings, one row per key (e.g. "lead_retention_months"); read through db/queries/ops-privacy.ts. */
export const opsSettings = pgTable("ops_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export type Occupation = typeof occupations.$inferSelect;
export type NewOccupation = typeof occupations.$inferInsert;
export type MetroArea = typeof metroAreas.$inferSelect;
export type School = typeof schools.$inferSelect;
export type NewSchool = typeof schools.$inferInsert;
export type Campus = typeof campuses.$inferSelect;
export type NewCampus = typeof campuses.$inferInsert;
export type ProgramArea = typeof programAreas.$inferSelect;
export type Program = typeof programs.$inferSelect;
export type NewProgram = typeof programs.$inferInsert;
export type User = typeof users.$inferSelect;
export type LeadRequest = typeof leadRequests.$inferSelect;
export type Lead = typeof leads.$inferSelect;
export type ConsentRecord = typeof consentRecords.$inferSelect;
export type OutboxEmail = typeof emailOutbox.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type CredentialLevel = (typeof credentialLevel.enumValues)[number];
export type DeliveryMode = (typeof deliveryMode.enumValues)[number];
export type ProgramStatus = (typeof programStatus.enumValues)[number];
export type LeadStatus = (typeof leadStatus.enumValues)[number];

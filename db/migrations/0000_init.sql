CREATE TYPE "public"."credential_level" AS ENUM('certificate', 'diploma', 'associate', 'bachelor', 'master');--> statement-breakpoint
CREATE TYPE "public"."delivery_mode" AS ENUM('online', 'campus', 'hybrid');--> statement-breakpoint
CREATE TYPE "public"."lead_status" AS ENUM('new', 'contacted', 'appointment', 'applied', 'enrolled', 'closed');--> statement-breakpoint
CREATE TYPE "public"."membership_role" AS ENUM('admin', 'member');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."program_status" AS ENUM('draft', 'in_review', 'active', 'paused');--> statement-breakpoint
CREATE TYPE "public"."school_status" AS ENUM('active', 'suspended');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('operator', 'user');--> statement-breakpoint
CREATE TABLE "accounts" (
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_user_id" text,
	"action" text NOT NULL,
	"school_id" integer,
	"subject_type" text,
	"subject_id" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip_address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campuses" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"city" text NOT NULL,
	"state" text NOT NULL,
	"zip" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"text_version" text NOT NULL,
	"text" text NOT NULL,
	"text_sha256" text NOT NULL,
	"school_ids" integer[] NOT NULL,
	"school_names" text[] NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"page_url" text,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "consent_records_request_id_unique" UNIQUE("request_id")
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"lead_id" uuid,
	"school_id" integer,
	"to_addresses" text[] NOT NULL,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"text" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"transport" text,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"provider_message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "email_outbox_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"school_id" integer,
	"role" "membership_role" NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" text,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "lead_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"lead_id" uuid NOT NULL,
	"actor_user_id" text,
	"kind" text NOT NULL,
	"from_status" "lead_status",
	"to_status" "lead_status",
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"phone_e164" text NOT NULL,
	"zip" text NOT NULL,
	"city" text,
	"state" text,
	"education_level" text NOT NULL,
	"desired_start" text NOT NULL,
	"hs_grad_year" smallint,
	"military_affiliation" text,
	"attribution" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"deletion_requested_at" timestamp with time zone,
	"scrubbed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_requests_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"school_id" integer NOT NULL,
	"program_id" integer NOT NULL,
	"campus_id" integer,
	"status" "lead_status" DEFAULT 'new' NOT NULL,
	"closed_reason" text,
	"duplicate_of_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metro_areas" (
	"id" serial PRIMARY KEY NOT NULL,
	"cbsa_code" text,
	"name" text NOT NULL,
	"principal_cities" text[] NOT NULL,
	"states" text[] NOT NULL,
	CONSTRAINT "metro_areas_cbsa_code_unique" UNIQUE("cbsa_code"),
	CONSTRAINT "metro_areas_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "occupation_industry_stats" (
	"id" serial PRIMARY KEY NOT NULL,
	"occupation_id" integer NOT NULL,
	"industry" text NOT NULL,
	"source_year" smallint NOT NULL,
	"jobs" integer NOT NULL,
	"share_percent" smallint NOT NULL,
	"annual_median_salary" integer NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "occupation_metro_stats" (
	"occupation_id" integer NOT NULL,
	"metro_id" integer NOT NULL,
	"source_year" smallint NOT NULL,
	"employment" integer NOT NULL,
	"annual_median_salary" integer NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "occupation_metro_stats_occupation_id_metro_id_source_year_pk" PRIMARY KEY("occupation_id","metro_id","source_year")
);
--> statement-breakpoint
CREATE TABLE "occupation_relations" (
	"occupation_id" integer NOT NULL,
	"related_id" integer NOT NULL,
	CONSTRAINT "occupation_relations_occupation_id_related_id_pk" PRIMARY KEY("occupation_id","related_id")
);
--> statement-breakpoint
CREATE TABLE "occupations" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"short_title" text NOT NULL,
	"soc_code_2010" text,
	"soc_code_2018" text,
	"summary" text NOT NULL,
	"sections" jsonb NOT NULL,
	"data_source" text NOT NULL,
	"data_year" smallint NOT NULL,
	"source_note" text,
	"last_reviewed_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "occupations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "program_areas" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"cip_code" text NOT NULL,
	CONSTRAINT "program_areas_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "program_campuses" (
	"program_id" integer NOT NULL,
	"campus_id" integer NOT NULL,
	CONSTRAINT "program_campuses_program_id_campus_id_pk" PRIMARY KEY("program_id","campus_id")
);
--> statement-breakpoint
CREATE TABLE "program_clicks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"program_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"from_path" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_occupations" (
	"program_id" integer NOT NULL,
	"occupation_id" integer NOT NULL,
	CONSTRAINT "program_occupations_program_id_occupation_id_pk" PRIMARY KEY("program_id","occupation_id")
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"program_area_id" integer NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"credential_level" "credential_level" NOT NULL,
	"delivery" "delivery_mode" NOT NULL,
	"length_months" smallint NOT NULL,
	"highlights" text[] DEFAULT '{}'::text[] NOT NULL,
	"website_url" text NOT NULL,
	"status" "program_status" DEFAULT 'draft' NOT NULL,
	"sponsored_rank" smallint,
	"daily_lead_cap" integer,
	"monthly_lead_cap" integer,
	"pending_changes" jsonb,
	"review_note" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_slug_unique" UNIQUE("slug"),
	CONSTRAINT "programs_length_check" CHECK ("programs"."length_months" between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "school_memberships" (
	"user_id" text NOT NULL,
	"school_id" integer NOT NULL,
	"role" "membership_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_memberships_user_id_school_id_pk" PRIMARY KEY("user_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "schools" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"website" text NOT NULL,
	"logo_url" text,
	"description" text DEFAULT '' NOT NULL,
	"accreditation" text,
	"accreditation_type" text,
	"status" "school_status" DEFAULT 'active' NOT NULL,
	"publish_without_review" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schools_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"session_token" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"email" text NOT NULL,
	"email_verified" timestamp with time zone,
	"image" text,
	"password_hash" text,
	"role" "user_role" DEFAULT 'user' NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campuses" ADD CONSTRAINT "campuses_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_request_id_lead_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."lead_requests"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_events" ADD CONSTRAINT "lead_events_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_events" ADD CONSTRAINT "lead_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_request_id_lead_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."lead_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_campus_id_campuses_id_fk" FOREIGN KEY ("campus_id") REFERENCES "public"."campuses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_industry_stats" ADD CONSTRAINT "occupation_industry_stats_occupation_id_occupations_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_metro_stats" ADD CONSTRAINT "occupation_metro_stats_occupation_id_occupations_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_metro_stats" ADD CONSTRAINT "occupation_metro_stats_metro_id_metro_areas_id_fk" FOREIGN KEY ("metro_id") REFERENCES "public"."metro_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_relations" ADD CONSTRAINT "occupation_relations_occupation_id_occupations_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupation_relations" ADD CONSTRAINT "occupation_relations_related_id_occupations_id_fk" FOREIGN KEY ("related_id") REFERENCES "public"."occupations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_campuses" ADD CONSTRAINT "program_campuses_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_campuses" ADD CONSTRAINT "program_campuses_campus_id_campuses_id_fk" FOREIGN KEY ("campus_id") REFERENCES "public"."campuses"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_clicks" ADD CONSTRAINT "program_clicks_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_clicks" ADD CONSTRAINT "program_clicks_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_occupations" ADD CONSTRAINT "program_occupations_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_occupations" ADD CONSTRAINT "program_occupations_occupation_id_occupations_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_program_area_id_program_areas_id_fk" FOREIGN KEY ("program_area_id") REFERENCES "public"."program_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_memberships" ADD CONSTRAINT "school_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_memberships" ADD CONSTRAINT "school_memberships_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_time_idx" ON "audit_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_events_school_time_idx" ON "audit_events" USING btree ("school_id","created_at");--> statement-breakpoint
CREATE INDEX "campuses_school_idx" ON "campuses" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "campuses_state_idx" ON "campuses" USING btree ("state");--> statement-breakpoint
CREATE INDEX "campuses_lat_lng_idx" ON "campuses" USING btree ("latitude","longitude");--> statement-breakpoint
CREATE INDEX "email_outbox_due_idx" ON "email_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "email_outbox_lead_idx" ON "email_outbox" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "lead_events_lead_idx" ON "lead_events" USING btree ("lead_id","created_at");--> statement-breakpoint
CREATE INDEX "lead_requests_email_idx" ON "lead_requests" USING btree ("email");--> statement-breakpoint
CREATE INDEX "lead_requests_phone_idx" ON "lead_requests" USING btree ("phone_e164");--> statement-breakpoint
CREATE INDEX "lead_requests_created_idx" ON "lead_requests" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "leads_school_time_idx" ON "leads" USING btree ("school_id","created_at");--> statement-breakpoint
CREATE INDEX "leads_program_time_idx" ON "leads" USING btree ("program_id","created_at");--> statement-breakpoint
CREATE INDEX "leads_request_idx" ON "leads" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "occupation_industry_unique" ON "occupation_industry_stats" USING btree ("occupation_id","industry","source_year");--> statement-breakpoint
CREATE INDEX "occupation_metro_stats_metro_idx" ON "occupation_metro_stats" USING btree ("metro_id");--> statement-breakpoint
CREATE INDEX "program_campuses_campus_idx" ON "program_campuses" USING btree ("campus_id");--> statement-breakpoint
CREATE INDEX "program_clicks_program_time_idx" ON "program_clicks" USING btree ("program_id","created_at");--> statement-breakpoint
CREATE INDEX "program_occupations_occupation_idx" ON "program_occupations" USING btree ("occupation_id");--> statement-breakpoint
CREATE INDEX "programs_school_idx" ON "programs" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "programs_active_idx" ON "programs" USING btree ("status","program_area_id","credential_level","delivery");--> statement-breakpoint
CREATE INDEX "school_memberships_school_idx" ON "school_memberships" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "schools_status_idx" ON "schools" USING btree ("status");
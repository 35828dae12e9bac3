CREATE TABLE "ops_deliveries_daily" (
	"day" date NOT NULL,
	"status" "outbox_status" NOT NULL,
	"emails" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ops_deliveries_daily_day_status_pk" PRIMARY KEY("day","status")
);
--> statement-breakpoint
CREATE TABLE "ops_delivery_seconds_daily" (
	"day" date NOT NULL,
	"seconds" integer NOT NULL,
	"emails" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ops_delivery_seconds_daily_day_seconds_pk" PRIMARY KEY("day","seconds")
);
--> statement-breakpoint
CREATE TABLE "ops_delivery_seconds_weekly" (
	"week" date NOT NULL,
	"seconds" integer NOT NULL,
	"emails" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ops_delivery_seconds_weekly_week_seconds_pk" PRIMARY KEY("week","seconds")
);
--> statement-breakpoint
CREATE TABLE "ops_leads_by_area_daily" (
	"day" date NOT NULL,
	"program_area_id" integer NOT NULL,
	"leads" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ops_leads_by_area_daily_day_program_area_id_pk" PRIMARY KEY("day","program_area_id")
);
--> statement-breakpoint
CREATE TABLE "ops_leads_by_source_daily" (
	"day" date NOT NULL,
	"source" text NOT NULL,
	"leads" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ops_leads_by_source_daily_day_source_pk" PRIMARY KEY("day","source")
);
--> statement-breakpoint
CREATE TABLE "ops_leads_by_state_daily" (
	"day" date NOT NULL,
	"state" text NOT NULL,
	"leads" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ops_leads_by_state_daily_day_state_pk" PRIMARY KEY("day","state")
);
--> statement-breakpoint
CREATE TABLE "ops_school_lead_totals" (
	"school_id" integer NOT NULL,
	"day" date NOT NULL,
	"leads" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ops_school_lead_totals_school_id_day_pk" PRIMARY KEY("school_id","day")
);
--> statement-breakpoint
CREATE TABLE "ops_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit_counters" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rate_limit_counters_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "school_lead_recipients" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"campus_id" integer,
	"email" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmation_token_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_lead_recipients_confirmation_token_hash_unique" UNIQUE("confirmation_token_hash")
);
--> statement-breakpoint
ALTER TABLE "ops_settings" ADD CONSTRAINT "ops_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_lead_recipients" ADD CONSTRAINT "school_lead_recipients_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_lead_recipients" ADD CONSTRAINT "school_lead_recipients_campus_id_campuses_id_fk" FOREIGN KEY ("campus_id") REFERENCES "public"."campuses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rate_limit_counters_expires_idx" ON "rate_limit_counters" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "school_lead_recipients_school_idx" ON "school_lead_recipients" USING btree ("school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "school_lead_recipients_unique" ON "school_lead_recipients" USING btree ("school_id","email");
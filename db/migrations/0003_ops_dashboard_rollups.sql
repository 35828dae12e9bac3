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

CREATE TABLE "lead_rejections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"program_id" integer,
	"school_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ops_lead_rejections_daily" (
	"day" date NOT NULL,
	"reason" text NOT NULL,
	"rejections" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ops_lead_rejections_daily_day_reason_pk" PRIMARY KEY("day","reason")
);
--> statement-breakpoint
ALTER TABLE "lead_rejections" ADD CONSTRAINT "lead_rejections_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_rejections" ADD CONSTRAINT "lead_rejections_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_rejections_time_idx" ON "lead_rejections" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "leads_first_time_idx" ON "leads" USING btree ("created_at","program_id","school_id") WHERE "leads"."duplicate_of_id" is null;--> statement-breakpoint
CREATE INDEX "program_clicks_time_idx" ON "program_clicks" USING btree ("created_at","program_id","school_id");
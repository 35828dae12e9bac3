CREATE TABLE "ops_click_lead_months" (
	"month" date NOT NULL,
	"series" integer NOT NULL,
	"clicks_before" integer DEFAULT 0 NOT NULL,
	"leads_before" integer DEFAULT 0 NOT NULL,
	"clicks" integer[],
	"leads" integer[],
	"is_last" boolean DEFAULT true NOT NULL,
	CONSTRAINT "ops_click_lead_months_month_series_pk" PRIMARY KEY("month","series")
);
--> statement-breakpoint
CREATE INDEX "ops_click_lead_months_series_idx" ON "ops_click_lead_months" USING btree ("series","month");--> statement-breakpoint
CREATE INDEX "ops_click_lead_months_last_idx" ON "ops_click_lead_months" USING btree ("month") WHERE "ops_click_lead_months"."is_last";
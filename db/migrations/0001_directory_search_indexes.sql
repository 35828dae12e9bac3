DROP INDEX "program_campuses_campus_idx";--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "title_search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "title")) STORED;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "name_search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "name")) STORED;--> statement-breakpoint
CREATE INDEX "programs_directory_rank_idx" ON "programs" USING btree ("sponsored_rank","title","id","program_area_id","credential_level","delivery","school_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "programs_directory_title_idx" ON "programs" USING btree ("title","id","program_area_id","credential_level","delivery","school_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "programs_title_search_idx" ON "programs" USING gin ("title_search");--> statement-breakpoint
CREATE INDEX "schools_name_search_idx" ON "schools" USING gin ("name_search");--> statement-breakpoint
CREATE INDEX "program_campuses_campus_idx" ON "program_campuses" USING btree ("campus_id","program_id");
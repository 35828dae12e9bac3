CREATE TABLE "directory_listings" (
	"program_id" integer PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"program_area_id" integer NOT NULL,
	"credential_level" "credential_level" NOT NULL,
	"delivery" "delivery_mode" NOT NULL,
	"sponsored_rank" smallint,
	"title" text NOT NULL,
	"accredited" boolean NOT NULL,
	"states" text[] DEFAULT '{}'::text[] NOT NULL,
	"search" "tsvector" NOT NULL,
	"title_search" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "directory_listings" ADD CONSTRAINT "directory_listings_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_listings" ADD CONSTRAINT "directory_listings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_listings_rank_idx" ON "directory_listings" USING btree ("sponsored_rank","title","program_id","program_area_id","credential_level","delivery","accredited");--> statement-breakpoint
CREATE INDEX "directory_listings_title_idx" ON "directory_listings" USING btree ("title","program_id","program_area_id","credential_level","delivery","accredited");--> statement-breakpoint
CREATE INDEX "directory_listings_search_idx" ON "directory_listings" USING gin ("search");--> statement-breakpoint
CREATE INDEX "directory_listings_states_idx" ON "directory_listings" USING gin ("states");--> statement-breakpoint
CREATE INDEX "directory_listings_school_idx" ON "directory_listings" USING btree ("school_id");
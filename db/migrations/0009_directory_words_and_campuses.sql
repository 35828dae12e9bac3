CREATE TABLE "directory_campuses" (
	"program_id" integer NOT NULL,
	"campus_id" integer NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"state" text NOT NULL,
	"sponsored_rank" smallint,
	"program_area_id" integer NOT NULL,
	"credential_level" "credential_level" NOT NULL,
	"delivery" "delivery_mode" NOT NULL,
	"accredited" boolean NOT NULL,
	CONSTRAINT "directory_campuses_program_id_campus_id_pk" PRIMARY KEY("program_id","campus_id")
);
--> statement-breakpoint
DROP INDEX "directory_listings_search_idx";--> statement-breakpoint
ALTER TABLE "directory_listings" ADD COLUMN "words" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "directory_listings" ALTER COLUMN "words" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "directory_listings" ADD COLUMN "title_words" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "directory_listings" ALTER COLUMN "title_words" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "directory_listings" ADD COLUMN "school_words" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "directory_listings" ALTER COLUMN "school_words" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "directory_campuses" ADD CONSTRAINT "directory_campuses_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_campuses" ADD CONSTRAINT "directory_campuses_campus_id_campuses_id_fk" FOREIGN KEY ("campus_id") REFERENCES "public"."campuses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_campuses_position_idx" ON "directory_campuses" USING btree ("latitude","longitude","program_id","state","program_area_id","credential_level","delivery","accredited","sponsored_rank");--> statement-breakpoint
CREATE INDEX "directory_campuses_sponsored_idx" ON "directory_campuses" USING btree ("latitude","longitude","program_id","state","program_area_id","credential_level","delivery","accredited","sponsored_rank") WHERE sponsored_rank is not null;--> statement-breakpoint
CREATE INDEX "directory_campuses_campus_idx" ON "directory_campuses" USING btree ("campus_id");--> statement-breakpoint
CREATE INDEX "directory_listings_words_idx" ON "directory_listings" USING gin ("words");--> statement-breakpoint
CREATE INDEX "directory_listings_title_words_idx" ON "directory_listings" USING gin ("title_words");--> statement-breakpoint
CREATE INDEX "directory_listings_school_words_idx" ON "directory_listings" USING gin ("school_words");
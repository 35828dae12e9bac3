ALTER TABLE "directory_listings" DROP COLUMN "search";--> statement-breakpoint
ALTER TABLE "directory_listings" DROP COLUMN "title_search";
CREATE TABLE "cache_tag_revalidations" (
	"tag" text PRIMARY KEY NOT NULL,
	"revalidated_at" timestamp with time zone NOT NULL
);

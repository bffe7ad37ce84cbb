CREATE TABLE "jurisdictions" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"state_name" text NOT NULL,
	"population" integer NOT NULL,
	"population_year" integer NOT NULL,
	"population_source_url" text NOT NULL,
	"leader_title" text NOT NULL,
	"leader_name" text NOT NULL,
	"summary" text NOT NULL,
	"article_mention" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jurisdictions_slug_unique" UNIQUE("slug"),
	CONSTRAINT "jurisdictions_kind_check" CHECK ("jurisdictions"."kind" in ('city', 'county'))
);
--> statement-breakpoint
CREATE TABLE "policy_facts" (
	"jurisdiction_id" integer NOT NULL,
	"field" text NOT NULL,
	"value" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"source_url" text NOT NULL,
	"as_of" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_facts_jurisdiction_id_field_pk" PRIMARY KEY("jurisdiction_id","field")
);
--> statement-breakpoint
CREATE TABLE "article_corrections" (
	"id" serial PRIMARY KEY NOT NULL,
	"article_id" integer NOT NULL,
	"position" integer NOT NULL,
	"original" text NOT NULL,
	"corrected" text NOT NULL,
	"note" text NOT NULL,
	CONSTRAINT "article_corrections_position_unique" UNIQUE("article_id","position")
);
--> statement-breakpoint
CREATE TABLE "article_quote_speakers" (
	"quote_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"speaker_name" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "article_quote_speakers_quote_id_jurisdiction_id_pk" PRIMARY KEY("quote_id","jurisdiction_id")
);
--> statement-breakpoint
CREATE TABLE "article_quotes" (
	"id" serial PRIMARY KEY NOT NULL,
	"article_id" integer NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"attribution" text NOT NULL,
	"source_heading" text,
	CONSTRAINT "article_quotes_position_unique" UNIQUE("article_id","position")
);
--> statement-breakpoint
CREATE TABLE "articles" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"headline" text NOT NULL,
	"published_on" date NOT NULL,
	"source_name" text NOT NULL,
	"source_url" text NOT NULL,
	"intro_markdown" text NOT NULL,
	"quotes_heading" text NOT NULL,
	"side_material" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "articles_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "policy_facts" ADD CONSTRAINT "policy_facts_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_corrections" ADD CONSTRAINT "article_corrections_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_quote_speakers" ADD CONSTRAINT "article_quote_speakers_quote_id_article_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."article_quotes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_quote_speakers" ADD CONSTRAINT "article_quote_speakers_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_quotes" ADD CONSTRAINT "article_quotes_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jurisdictions_state_idx" ON "jurisdictions" USING btree ("state");--> statement-breakpoint
CREATE INDEX "article_quote_speakers_jurisdiction_idx" ON "article_quote_speakers" USING btree ("jurisdiction_id");
-- Addresses are compared trimmed, NFKC-normalised and lower-cased (lib/validation/auth.ts).
-- Rows written before are brought to that form where no other account already has it.
UPDATE "users" AS u SET "email" = lower(normalize(btrim(u."email"), NFKC))
WHERE u."email" IS NOT NULL
  AND u."email" <> lower(normalize(btrim(u."email"), NFKC))
  AND NOT EXISTS (
    SELECT 1 FROM "users" o
    WHERE o."id" <> u."id" AND o."email" = lower(normalize(btrim(u."email"), NFKC))
  );--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_normalized_unique" ON "users" USING btree (lower(normalize(btrim("email"), NFKC)));

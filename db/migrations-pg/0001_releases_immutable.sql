-- Hand-written: a release is immutable, as SQLite's triggers of migration 0014 make it. The app writes a
-- release once and later only closes a score row (valid_to_release, once, after its first release);
-- any other change or a delete is refused by the database, whoever writes.
CREATE OR REPLACE FUNCTION "release_is_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'A release is immutable.'; END $$;
--> statement-breakpoint
CREATE TRIGGER "releases_immutable" BEFORE UPDATE OR DELETE ON "releases" FOR EACH ROW EXECUTE FUNCTION "release_is_immutable"();
--> statement-breakpoint
CREATE TRIGGER "release_rounds_immutable" BEFORE UPDATE OR DELETE ON "release_rounds" FOR EACH ROW EXECUTE FUNCTION "release_is_immutable"();
--> statement-breakpoint
CREATE TRIGGER "release_scores_immutable_delete" BEFORE DELETE ON "release_scores" FOR EACH ROW EXECUTE FUNCTION "release_is_immutable"();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "release_score_closes_once"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  IF OLD."valid_to_release" IS NOT NULL OR NEW."valid_to_release" IS NULL OR NEW."valid_to_release" <= OLD."valid_from_release"
    OR NEW."id" IS DISTINCT FROM OLD."id" OR NEW."benchmark_id" IS DISTINCT FROM OLD."benchmark_id" OR NEW."round_id" IS DISTINCT FROM OLD."round_id"
    OR NEW."status" IS DISTINCT FROM OLD."status" OR NEW."basis" IS DISTINCT FROM OLD."basis" OR NEW."assessment_id" IS DISTINCT FROM OLD."assessment_id"
    OR NEW."is_demo" IS DISTINCT FROM OLD."is_demo" OR NEW."evidence" IS DISTINCT FROM OLD."evidence" OR NEW."valid_from_release" IS DISTINCT FROM OLD."valid_from_release" THEN
    RAISE EXCEPTION 'A release is immutable: a score row can only be closed, once.';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "release_scores_immutable_update" BEFORE UPDATE ON "release_scores" FOR EACH ROW EXECUTE FUNCTION "release_score_closes_once"();

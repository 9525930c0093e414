-- Loads :rows cases into the migrated "Case" table for the work-queue benchmark (bench/cases.sh), set-based:
-- one INSERT … SELECT FROM generate_series, in order of receipt so the heap interleaves departments as a real
-- table would (one department's cases are not stored next to each other). Deterministic (setseed).
--
--   psql -v rows=1000000 -f load-cases.sql
--
-- The spread (see bench/README.md, "The work-queue benchmark"):
-- - 20 departments of unequal size: TD has 16 % of the cases (160,000 of 1,000,000), OFCA 1 %;
-- - 5–20 services per department, a few of them much busier than the rest;
-- - three kinds of workflow (by service): the built-in default (received), a licence (check → inspect),
--   and a four-step one (screening → assessment → site-visit → decision);
-- - about 10 % closed (approved / rejected / withdrawn), 3 % returned to the applicant (no due date),
--   the rest open;
-- - open cases fall due at the end of a Hong Kong weekday (midnight HK = 16:00 UTC), from 12 days ago to
--   about 3 months ahead: thousands of TD's cases share each due instant, as in real life, and about a
--   tenth are overdue (breached; half of those escalated);
-- - ~30 officers per department (a few carry much more than the rest), about 15 % of open cases unassigned;
-- - references DEPT-YYYY-NNNNNN, unique (a number per department), the year of receipt.
\set ON_ERROR_STOP on
SELECT setseed(0.42);

CREATE TEMP TABLE bench_department AS
WITH d(idx, code, weight) AS (VALUES
    (1, 'TD', 16), (2, 'FEHD', 12), (3, 'LANDSD', 8), (4, 'BD', 7), (5, 'IMMD', 7), (6, 'HD', 6), (7, 'SWD', 6),
    (8, 'EPD', 5), (9, 'LCSD', 5), (10, 'IRD', 4), (11, 'RVD', 3), (12, 'WSD', 3), (13, 'EMSD', 3), (14, 'FSD', 3),
    (15, 'DH', 3), (16, 'LD', 2), (17, 'MD', 2), (18, 'CSD', 2), (19, 'AFCD', 2), (20, 'OFCA', 1)),
c AS (SELECT *, SUM(weight) OVER (ORDER BY idx) AS upto FROM d)
SELECT idx, code, 5 + (idx * 7) % 16 AS services,
       ((upto - weight) * :rows / 100)::bigint + 1 AS lo, (upto * :rows / 100)::bigint AS hi
FROM c;

-- Midnight at the end of a Hong Kong day, as a UTC instant (WorkingDays.EndOf).
CREATE FUNCTION pg_temp.hk_end_of(day date) RETURNS timestamptz LANGUAGE sql IMMUTABLE
    AS $$ SELECT ((day + 1)::timestamp AT TIME ZONE 'Asia/Hong_Kong') $$;

CREATE TEMP TABLE bench_case AS
WITH n AS (
    SELECT g AS n, d.code, d.services, g - d.lo + 1 AS seq,
           random() AS r_kind, random() AS r_service, random() AS r_state, random() AS r_due, random() AS r_age,
           random() AS r_officer, random() AS r_misc, random() AS r_lang, random() AS r_applicant
    FROM generate_series(1, :rows) g
    JOIN bench_department d ON g BETWEEN d.lo AND d.hi),
s AS (
    SELECT n.*,
           1 + floor(services * power(r_service, 1.7))::int AS service,
           CASE WHEN r_kind < 0.10 THEN 'closed' WHEN r_kind < 0.13 THEN 'waiting' ELSE 'open' END AS life,
           (timezone('Asia/Hong_Kong', now()))::date AS today
    FROM n),
w AS (
    SELECT s.*, service % 3 AS workflow,
           -- A weekday from 12 days ago to ~3 months ahead; a weekend day moves to the Friday before (more ties).
           today + (-12 + floor(100 * r_due))::int AS raw_day
    FROM s),
o AS (
    SELECT w.*,
           CASE WHEN life = 'open' THEN
               CASE workflow
                   WHEN 0 THEN 'received'
                   WHEN 1 THEN CASE WHEN r_state < 0.6 THEN 'check' ELSE 'inspect' END
                   ELSE CASE WHEN r_state < 0.4 THEN 'screening' WHEN r_state < 0.7 THEN 'assessment'
                             WHEN r_state < 0.9 THEN 'site-visit' ELSE 'decision' END
               END
           END AS open_state,
           pg_temp.hk_end_of(raw_day - CASE extract(isodow FROM raw_day) WHEN 6 THEN 1 WHEN 7 THEN 2 ELSE 0 END) AS due
    FROM w),
t AS (
    SELECT o.*,
           CASE life
               WHEN 'open' THEN least(now() - interval '1 hour' - interval '14 days' * r_misc, due - interval '1 day' * (10 + 80 * r_age))
               WHEN 'waiting' THEN now() - interval '1 day' * (20 + 60 * r_age)
               ELSE now() - interval '1 day' * (30 + 335 * r_age)
           END AS received
    FROM o)
SELECT
    gen_random_uuid() AS id,
    code || '-' || extract(year FROM timezone('Asia/Hong_Kong', received))::int || '-' || lpad(seq::text, 6, '0') AS reference,
    gen_random_uuid() AS submission_id,
    code AS department,
    lower(code) || '-service-' || lpad(service::text, 2, '0') AS service_slug,
    CASE WHEN workflow = 0 THEN 0 ELSE 1 + floor(2 * r_misc)::int END AS workflow_version,
    CASE life
        WHEN 'open' THEN open_state
        WHEN 'waiting' THEN 'returned-to-applicant'
        ELSE CASE WHEN r_state < 0.80 THEN 'approved' WHEN r_state < 0.95 THEN 'rejected' ELSE 'withdrawn' END
    END AS state,
    CASE life
        WHEN 'open' THEN received + (least(now(), due) - received) * r_misc
        WHEN 'waiting' THEN now() - interval '1 day' * 20 * r_state
        ELSE least(now(), received + interval '1 day' * (5 + 55 * r_misc))
    END AS state_entered_at,
    CASE WHEN life = 'open' AND workflow <> 0 THEN due END AS state_due_at,
    CASE WHEN life = 'open' THEN due + CASE WHEN workflow = 0 THEN interval '0' ELSE interval '1 day' * floor(15 * r_age) END
         ELSE pg_temp.hk_end_of((timezone('Asia/Hong_Kong', received))::date + 30) END AS case_due_at,
    CASE WHEN life = 'open' THEN due END AS due_at,
    CASE
        WHEN life = 'open' AND r_officer < 0.15 THEN NULL
        ELSE md5(code || ':officer:' || (1 + floor(30 * power(r_officer, 1.5))::int))::uuid
    END AS assignee,
    CASE WHEN r_applicant < 0.8 THEN gen_random_uuid() END AS applicant,
    CASE WHEN r_lang < 0.6 THEN 'en' WHEN r_lang < 0.9 THEN 'zh-HK' ELSE 'zh-CN' END AS language,
    CASE WHEN life = 'waiting' THEN CASE workflow WHEN 0 THEN 'received' WHEN 1 THEN 'check' ELSE 'assessment' END END AS resume_state,
    life, received, due, r_misc, r_state
FROM t;

INSERT INTO "Case" ("Id", "Reference", "SubmissionId", "DepartmentCode", "ServiceSlug", "WorkflowVersion", "State",
    "StateEnteredAt", "StateDueAt", "CaseDueAt", "DueAt", "AssigneeId", "ApplicantId", "Language", "ResumeState",
    "PausedAt", "BreachedAt", "EscalatedAt", "Outcome", "ReceivedAt", "ClosedAt", "UpdatedAt", "Revision")
SELECT id, reference, submission_id, department, service_slug, workflow_version, state,
    state_entered_at, state_due_at, case_due_at, due_at, assignee, applicant, language, resume_state,
    CASE WHEN life = 'waiting' THEN state_entered_at END,
    CASE WHEN life = 'open' AND due < now() THEN due END,
    CASE WHEN life = 'open' AND due < now() AND r_misc < 0.5 THEN due + interval '1 hour' END,
    CASE WHEN life = 'closed' THEN initcap(state) END,
    received,
    CASE WHEN life = 'closed' THEN state_entered_at END,
    state_entered_at,
    1 + floor(5 * r_state)::int
FROM bench_case
ORDER BY received;

DROP TABLE bench_case;

-- The count that each organisation-wide breakdown into shares is a share of ("717 tehtävää, joista
-- 35 % valmiina"): the count of the same subject in the same period, organisation-wide when the
-- document states one, else the only such count it ties to a goal. Two candidates = no base.
WITH splits AS (
    SELECT DISTINCT side, subject FROM draft_figures
    WHERE unit = 'percent' AND qualifier IS NOT NULL AND goal_key IS NULL AND subject IS NOT NULL
),
counts AS (
    SELECT f.side, f.subject, f.figure_id, f.value, f.approx, f.bound,
           count(*) OVER (PARTITION BY f.side, f.subject, f.goal_key IS NULL) AS n,
           row_number() OVER (PARTITION BY f.side, f.subject
                              ORDER BY f.goal_key IS NULL DESC, f.meeting_date DESC, f.start_char) AS rank
    FROM draft_figures f
    JOIN splits s ON s.side = f.side AND s.subject = f.subject
    WHERE f.unit = 'count' AND f.qualifier IS NULL
)
SELECT side, subject, figure_id, value, approx, bound FROM counts WHERE rank = 1 AND n = 1
ORDER BY side, subject;

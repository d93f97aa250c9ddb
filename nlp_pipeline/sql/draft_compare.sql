-- Pairs of figures measuring the same thing in both periods: same goal, subject, qualifier, unit (for
-- unit 'other' also the unit word: kWh is not tonnes) and rate period. Figures without a subject are never paired (two bare "35 %" need not be the same thing).
-- When a period states the same thing more than once, the latest meeting's first mention stands and
-- `*_candidates` tells how many different values were stated (more than one: the pairing is a guess). Percentages differ in percentage points; counts and money
-- also get a relative change in per cent, unless the two figures cover periods of different length
-- (214 in tammi–maaliskuu against 486 in tammi–kesäkuu is no growth of 127 %). A percentage-point
-- figure against the document's own baseline ("3 prosenttiyksikköä enemmän kuin …") is a change, not a
-- level: the baseline sentences tell it, pairs never hold it.
WITH keyed AS (
    SELECT *, CASE WHEN unit = 'other' THEN lower(unit_word) END AS other_unit,
           CASE WHEN regexp_matches(period, '^\d{4}$') THEN 'year'
                WHEN regexp_matches(period, '^\d{4}-[QH]\d$') THEN substr(period, 6, 1)
                WHEN regexp_matches(period, '^\d{4}-\d{2}$') THEN 'month'
                ELSE period END AS length,
           row_number() OVER w AS rank,
           count(DISTINCT value) OVER (PARTITION BY side, goal_key, subject, qualifier, unit, other_unit, per)
               AS candidates
    FROM draft_figures
    WHERE subject IS NOT NULL AND NOT (unit = 'percentage_point' AND direction IS NOT NULL)
    WINDOW w AS (PARTITION BY side, goal_key, subject, qualifier, unit, other_unit, per
                 ORDER BY meeting_date DESC, doc_id, start_char)
),
t AS (SELECT * FROM keyed WHERE side = 'then' AND rank = 1),
n AS (SELECT * FROM keyed WHERE side = 'now' AND rank = 1)
SELECT coalesce(t.goal_key, n.goal_key) AS goal_key,
       coalesce(t.subject, n.subject) AS subject,
       coalesce(t.qualifier, n.qualifier) AS qualifier,
       coalesce(t.unit, n.unit) AS unit,
       coalesce(t.per, n.per) AS per,
       coalesce(t.unit_word, n.unit_word) AS unit_word,
       t.figure_id AS then_id, t.value AS then_value, t.approx AS then_approx, t.bound AS then_bound,
       t.denominator AS then_denominator, t.candidates AS then_candidates,
       n.figure_id AS now_id, n.value AS now_value, n.approx AS now_approx, n.bound AS now_bound,
       n.denominator AS now_denominator, n.candidates AS now_candidates,
       CASE WHEN coalesce(t.length = n.length, true) THEN round(n.value - t.value, 6) END AS difference,
       CASE WHEN coalesce(t.unit, n.unit) = 'percent' THEN 'percentage_point' ELSE coalesce(t.unit, n.unit) END
           AS difference_unit,
       CASE WHEN coalesce(t.length = n.length, true) AND t.unit IN ('count', 'eur') AND t.value <> 0
            THEN round(100 * (n.value - t.value) / abs(t.value), 6) END AS relative_change
FROM t
FULL JOIN n
  ON t.goal_key IS NOT DISTINCT FROM n.goal_key AND t.subject = n.subject
 AND t.qualifier IS NOT DISTINCT FROM n.qualifier AND t.unit = n.unit AND t.per IS NOT DISTINCT FROM n.per
 AND t.other_unit IS NOT DISTINCT FROM n.other_unit
 AND t.denominator IS NOT DISTINCT FROM n.denominator
ORDER BY coalesce(t.goal_key, n.goal_key) NULLS FIRST, subject, qualifier NULLS FIRST, unit;

-- Figures of the compared documents with the goal they belong to. A figure whose own period lies
-- wholly before its document's report period ("vuoden 2025 keskiarvo (36 %)" in a 2026-Q1 report)
-- is a baseline, not a fact of that period, and stays out of the comparison; so does a number inside a
-- goal's name ("yhdellä yhteydenotolla", "vuoteen 2027 mennessä"), which names the goal and reports nothing.
CREATE OR REPLACE TEMP TABLE draft_figures AS
SELECT f.figure_id, d.side, f.doc_id, f.value, f.unit, f.unit_word, f.denominator, f.approx, f.bound,
       f.subject, f.qualifier, f.period, f.per, f.direction, f.baseline_value, f.baseline_period,
       f.goal_id, g.goal_key, f.start_char, d.meeting_date
FROM figures f
JOIN draft_docs d USING (doc_id)
JOIN draft_periods dp ON dp.period = d.report_period
LEFT JOIN draft_periods fp ON fp.period = f.period
LEFT JOIN goals g ON g.goal_id = f.goal_id
WHERE (fp.period IS NULL OR fp.end_date >= dp.start_date)
  AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = f.doc_id AND e.label = 'GOAL'
                  AND e.start_char <= f.start_char AND f.end_char <= e.end_char)
  AND ($goal IS NULL OR g.goal_key IN (SELECT goal_key FROM draft_goals));

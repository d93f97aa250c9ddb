-- Comparisons a document makes itself: "38 %, 2 prosenttiyksikköä enemmän kuin vuoden 2025 keskiarvo (36 %)".
-- A figure in percentage points is itself the difference (its sign read from `direction`); any other
-- figure is compared with its baseline value in the same unit.
SELECT figure_id, side, goal_key, subject, qualifier, unit, value, approx, baseline_value, baseline_period,
       CASE WHEN unit <> 'percentage_point' THEN round(value - baseline_value, 6)
            WHEN direction = 'more' THEN value
            WHEN direction = 'less' THEN -value END AS difference
FROM draft_figures
WHERE baseline_value IS NOT NULL
ORDER BY side, meeting_date DESC, start_char;

-- Comparisons a document makes itself: "38 %, 2 prosenttiyksikköä enemmän kuin vuoden 2025 keskiarvo (36 %)".
SELECT figure_id, side, goal_key, subject, qualifier, unit, value, approx, baseline_value, baseline_period,
       round(value - baseline_value, 6) AS difference
FROM draft_figures
WHERE baseline_value IS NOT NULL
ORDER BY side, meeting_date DESC, start_char;

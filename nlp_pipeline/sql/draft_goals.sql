-- Goals of the compared documents. A goal counts as *reported* in a period when the document gives
-- it a status or an owner or ties a figure to it; a goal that is only listed is merely mentioned,
-- unless nothing in that period says more than names, in which case every named goal counts.
CREATE OR REPLACE TEMP TABLE draft_goals AS
WITH marked AS (
    SELECT g.goal_id, g.goal_key, g.name, g.owner, g.status, g.status_phrase, g.start_char,
           d.side, d.doc_id, d.meeting_date,
           (g.status IS NOT NULL OR g.owner IS NOT NULL
            OR EXISTS (SELECT 1 FROM figures f WHERE f.goal_id = g.goal_id)) AS said_more
    FROM goals g
    JOIN draft_docs d USING (doc_id)
    WHERE $goal IS NULL
       OR g.goal_key IN (SELECT goal_key FROM goals WHERE name ILIKE '%' || $goal || '%' OR goal_key = $goal)
)
SELECT * EXCLUDE (said_more), said_more OR NOT bool_or(said_more) OVER (PARTITION BY side) AS reported
FROM marked;

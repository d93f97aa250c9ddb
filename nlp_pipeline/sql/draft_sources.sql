-- Where each cited figure and goal came from: document, section kind and the source sentence (for a
-- goal, the text around its span, trimmed to the sentence by draft/compare.py; its name when it has no span).
SELECT f.figure_id AS id, 'figure' AS kind, d.doc_id, d.source, d.title, d.meeting_date, d.body,
       coalesce(f.section_kind, s.kind) AS section_kind, f.sentence AS sentence, NULL AS context, NULL AS offset
FROM figures f
JOIN documents d USING (doc_id)
LEFT JOIN sections s ON s.doc_id = f.doc_id AND f.start_char >= s.start_char AND f.start_char < s.end_char
WHERE list_contains($ids, f.figure_id)
UNION ALL
SELECT g.goal_id, 'goal', d.doc_id, d.source, d.title, d.meeting_date, d.body, s.kind, NULL,
       coalesce(substr(d.text, greatest(g.start_char - 400, 0) + 1, 800 + g.end_char - g.start_char), g.name),
       coalesce(g.start_char - greatest(g.start_char - 400, 0), 0)
FROM goals g
JOIN documents d USING (doc_id)
LEFT JOIN sections s ON s.doc_id = g.doc_id AND g.start_char >= s.start_char AND g.start_char < s.end_char
WHERE list_contains($ids, g.goal_id);

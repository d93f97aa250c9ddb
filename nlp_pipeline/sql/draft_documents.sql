-- Documents of the two compared periods, tagged 'then' or 'now'.
-- $then_periods / $now_periods are the stored report_period strings matching each requested period;
-- the matching rule (same period end) lives in draft/periods.py and fills draft_periods.
CREATE OR REPLACE TEMP TABLE draft_docs AS
SELECT d.doc_id,
       CASE WHEN list_contains($then_periods, d.report_period) THEN 'then' ELSE 'now' END AS side,
       d.source, d.title, d.organisation, d.body, d.meeting_date, d.report_period
FROM documents d
WHERE (list_contains($then_periods, d.report_period) OR list_contains($now_periods, d.report_period))
  AND ($organisation IS NULL OR d.organisation ILIKE '%' || $organisation || '%')
  AND ($body IS NULL OR d.body ILIKE '%' || $body || '%');

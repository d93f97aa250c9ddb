-- One row per goal_key: what each period said about the goal (name, owner, status), and whether the
-- goal was reported in both periods ('kept'), only in the later one ('appeared'), only in the earlier
-- one ('disappeared') or merely listed ('mentioned'). Within a period the latest meeting wins.
WITH per_side AS (
    SELECT side, goal_key,
           bool_or(reported) AS reported,
           first(name ORDER BY meeting_date DESC, start_char) AS name,
           first(goal_id ORDER BY meeting_date DESC, start_char) AS name_id,
           first(owner ORDER BY meeting_date DESC, start_char) FILTER (WHERE owner IS NOT NULL) AS owner,
           first(goal_id ORDER BY meeting_date DESC, start_char) FILTER (WHERE owner IS NOT NULL) AS owner_id,
           first(status ORDER BY meeting_date DESC, start_char) FILTER (WHERE status IS NOT NULL) AS status,
           first(status_phrase ORDER BY meeting_date DESC, start_char) FILTER (WHERE status IS NOT NULL) AS status_phrase,
           first(goal_id ORDER BY meeting_date DESC, start_char) FILTER (WHERE status IS NOT NULL) AS status_id,
           min(start_char) AS first_char
    FROM draft_goals
    GROUP BY side, goal_key
)
SELECT coalesce(t.goal_key, n.goal_key) AS goal_key,
       t.name AS then_name, t.name_id AS then_name_id, t.owner AS then_owner, t.owner_id AS then_owner_id,
       t.status AS then_status, t.status_phrase AS then_status_phrase, t.status_id AS then_status_id,
       t.reported AS then_reported,
       n.name AS now_name, n.name_id AS now_name_id, n.owner AS now_owner, n.owner_id AS now_owner_id,
       n.status AS now_status, n.status_phrase AS now_status_phrase, n.status_id AS now_status_id,
       n.reported AS now_reported,
       CASE WHEN coalesce(t.reported, false) AND coalesce(n.reported, false) THEN 'kept'
            WHEN coalesce(n.reported, false) THEN 'appeared'
            WHEN coalesce(t.reported, false) THEN 'disappeared'
            ELSE 'mentioned' END AS change
FROM (SELECT * FROM per_side WHERE side = 'then') t
FULL JOIN (SELECT * FROM per_side WHERE side = 'now') n USING (goal_key)
ORDER BY t.first_char NULLS LAST, n.first_char, goal_key;

-- One definition of a campaign's audience (issue 9, "one place per concern"). The audience is every
-- unit under an audience unit (itself included) and every unit under a unit of an audience khối/cụm.
-- Launch, reminders, summaries, review reports, "campaigns open to my unit" and the registration
-- functions below all ask these two functions; src/db/audience.ts is the TypeScript side of them.
-- Both are plain SQL and STABLE, so PostgreSQL inlines them into the calling statement.

-- The unit ids of campaign p_campaign's audience.
CREATE FUNCTION "campaign_audience_units"(p_campaign integer) RETURNS TABLE (unit_id integer) LANGUAGE sql STABLE AS $$
  SELECT DISTINCT u.id FROM "unit" u JOIN "unit" root ON u.path LIKE root.path || '%'
  WHERE root.id IN (SELECT au.unit_id FROM "campaign_audience_unit" au WHERE au.campaign_id = p_campaign)
     OR root.group_id IN (SELECT ag.group_id FROM "campaign_audience_group" ag WHERE ag.campaign_id = p_campaign)
$$;

-- Whether unit p_unit is in campaign p_campaign's audience: one of its ancestors (or itself) is an
-- audience unit or belongs to an audience khối/cụm. NULL unit: false.
CREATE FUNCTION "unit_in_campaign_audience"(p_campaign integer, p_unit integer) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM "unit" u JOIN "unit" root ON u.path LIKE root.path || '%'
    WHERE u.id = p_unit
      AND (root.id IN (SELECT au.unit_id FROM "campaign_audience_unit" au WHERE au.campaign_id = p_campaign)
        OR root.group_id IN (SELECT ag.group_id FROM "campaign_audience_group" ag WHERE ag.campaign_id = p_campaign)))
$$;

-- The registration functions (20261201004500_registration_functions) ask the same question.
CREATE OR REPLACE FUNCTION "registration_opening"(p_member integer) RETURNS json LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
    WITH me AS (
      SELECT m.id, m.role::text AS role, m.unit_id AS "unitId", m.full_name AS "fullName", m.locale, u.name AS "unitName", u.path
      FROM "member" m LEFT JOIN "unit" u ON u.id = m.unit_id WHERE m.id = p_member
    ), camp AS (
      SELECT c.id, c.code, c.title, c.starts_at,
        (SELECT max(ms.due_at) FROM "milestone" ms WHERE ms.campaign_id = c.id AND ms.kind = 'REGISTRATION') AS "regDue",
        COALESCE((SELECT json_agg(json_build_object('code', t.code, 'name', t.name, 'scope', t.scope, 'custom', t.custom) ORDER BY t.position, t.id)
                  FROM "campaign_title" t WHERE t.campaign_id = c.id), '[]'::json) AS titles,
        COALESCE((SELECT json_agg(json_build_object('id', cr.id, 'code', cr.code, 'parentId', cr.parent_id, 'title', cr.title,
                                                    'measure', cr.measure, 'unitOfMeasure', cr.unit_of_measure) ORDER BY cr.position, cr.id)
                  FROM "criterion" cr WHERE cr.campaign_id = c.id), '[]'::json) AS lines,
        (SELECT json_build_object('id', r.id, 'campaignId', r.campaign_id, 'scope', r.scope, 'memberId', r.member_id, 'unitId', r.unit_id,
                  'titleCode', r.title_code, 'basis', r.basis, 'initiativeTitle', r.initiative_title, 'status', r.status, 'returnReason', r.return_reason,
                  'commitments', COALESCE((SELECT json_agg(json_build_object('criterionId', cm.criterion_id, 'number', cm.target_number::text,
                                                                            'bool', cm.target_bool, 'text', cm.target_text) ORDER BY cm.criterion_id)
                                           FROM "commitment" cm WHERE cm.registration_id = r.id), '[]'::json))
         FROM "registration" r WHERE r.campaign_id = c.id AND r.member_id = p_member AND r.scope = 'INDIVIDUAL') AS own
      FROM "campaign" c
      WHERE c.status = 'LAUNCHED' AND c.archived_at IS NULL
        AND "unit_in_campaign_audience"(c.id, (SELECT "unitId" FROM me))
    )
    SELECT json_build_object(
      'me', (SELECT row_to_json(me) FROM me),
      'campaigns', COALESCE((SELECT json_agg(camp ORDER BY camp.starts_at DESC, camp.id) FROM camp), '[]'::json))
  );
END $$;

CREATE OR REPLACE FUNCTION "registration_submit_facts"(p_member integer, p_campaign integer, p_scope text) RETURNS json LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
    SELECT json_build_object(
      'actorId', m.id, 'role', m.role, 'unitId', m.unit_id, 'campaignId', c.id, 'status', c.status,
      'deadline', (SELECT max(ms.due_at) FROM "milestone" ms WHERE ms.campaign_id = c.id AND ms.kind = 'REGISTRATION'),
      'titles', COALESCE((SELECT json_agg(json_build_object('code', t.code, 'scope', t.scope)) FROM "campaign_title" t WHERE t.campaign_id = c.id), '[]'::json),
      'lines', COALESCE((SELECT json_agg(cr.id) FROM "criterion" cr WHERE cr.campaign_id = c.id), '[]'::json),
      'inAudience', COALESCE("unit_in_campaign_audience"(c.id, m.unit_id), false),
      'current', (SELECT r.status FROM "registration" r WHERE r.campaign_id = c.id
                  AND CASE WHEN p_scope = 'INDIVIDUAL' THEN r.member_id = m.id ELSE r.unit_id = m.unit_id AND r.scope = 'COLLECTIVE' END))
    FROM "member" m, "campaign" c
    WHERE m.id = p_member AND c.id = p_campaign
  );
END $$;

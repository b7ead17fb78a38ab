-- Registration's hot reads and its write as plpgsql functions (issue 9, bench/registration).
-- Every member opens registration right after a launch; as one-off statements these queries spent
-- more time being planned than run. A plpgsql function keeps its statements' plans per connection,
-- and each call is one round trip. The rules stay in RegistrationService: these only read and store.

-- The member (with their unit's name), the campaigns open to their unit (titles, lines, the last
-- registration deadline) and their own individual registration in each, as JSON.
CREATE FUNCTION "registration_opening"(p_member integer) RETURNS json LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
    WITH me AS (
      SELECT m.id, m.role::text AS role, m.unit_id AS "unitId", m.full_name AS "fullName", m.locale, u.name AS "unitName", u.path
      FROM "member" m LEFT JOIN "unit" u ON u.id = m.unit_id WHERE m.id = p_member
    ), anc AS (
      SELECT a.id, a.group_id FROM "unit" a, me
      WHERE a.id::text = ANY (string_to_array(trim(both '/' from me.path), '/'))
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
        AND (EXISTS (SELECT 1 FROM "campaign_audience_unit" au WHERE au.campaign_id = c.id AND au.unit_id IN (SELECT id FROM anc))
          OR EXISTS (SELECT 1 FROM "campaign_audience_group" ag WHERE ag.campaign_id = c.id AND ag.group_id IN (SELECT group_id FROM anc)))
    )
    SELECT json_build_object(
      'me', (SELECT row_to_json(me) FROM me),
      'campaigns', COALESCE((SELECT json_agg(camp ORDER BY camp.starts_at DESC, camp.id) FROM camp), '[]'::json))
  );
END $$;

-- What the registration rules need about a submission: the actor as they are now, the campaign's
-- status, titles, lines and registration deadline, whether the actor's unit is in its audience, and
-- the status of the registration already stored for this member (or their unit). NULL when either is unknown.
CREATE FUNCTION "registration_submit_facts"(p_member integer, p_campaign integer, p_scope text) RETURNS json LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
    SELECT json_build_object(
      'actorId', m.id, 'role', m.role, 'unitId', m.unit_id, 'campaignId', c.id, 'status', c.status,
      'deadline', (SELECT max(ms.due_at) FROM "milestone" ms WHERE ms.campaign_id = c.id AND ms.kind = 'REGISTRATION'),
      'titles', COALESCE((SELECT json_agg(json_build_object('code', t.code, 'scope', t.scope)) FROM "campaign_title" t WHERE t.campaign_id = c.id), '[]'::json),
      'lines', COALESCE((SELECT json_agg(cr.id) FROM "criterion" cr WHERE cr.campaign_id = c.id), '[]'::json),
      'inAudience', EXISTS (
        SELECT 1 FROM "unit" u JOIN "unit" root ON u.path LIKE root.path || '%'
        WHERE u.id = m.unit_id
          AND (root.id IN (SELECT unit_id FROM "campaign_audience_unit" WHERE campaign_id = c.id)
            OR root.group_id IN (SELECT group_id FROM "campaign_audience_group" WHERE campaign_id = c.id))),
      'current', (SELECT r.status FROM "registration" r WHERE r.campaign_id = c.id
                  AND CASE WHEN p_scope = 'INDIVIDUAL' THEN r.member_id = m.id ELSE r.unit_id = m.unit_id AND r.scope = 'COLLECTIVE' END))
    FROM "member" m, "campaign" c
    WHERE m.id = p_member AND c.id = p_campaign
  );
END $$;

-- Stores a registration — or edits the one of this member (unit): two racing submissions meet on the
-- unique key and the later one edits — back to SUBMITTED, and replaces its commitments
-- (p_commitments: [{criterion_id, target_number, target_bool, target_text}]). Returns {id, created}.
CREATE FUNCTION "registration_store"(
  p_campaign integer, p_scope text, p_member integer, p_unit integer, p_title text, p_basis text,
  p_initiative text, p_submitted_by integer, p_commitments json
) RETURNS json LANGUAGE plpgsql AS $$
DECLARE
  v_id integer;
  v_created boolean;
BEGIN
  IF p_scope = 'INDIVIDUAL' THEN
    INSERT INTO "registration" ("campaign_id", "scope", "member_id", "unit_id", "title_code", "basis", "initiative_title", "status", "submitted_by_id", "created_at", "updated_at")
    VALUES (p_campaign, 'INDIVIDUAL', p_member, NULL, p_title, p_basis, p_initiative, 'SUBMITTED', p_submitted_by, now(), now())
    ON CONFLICT ("campaign_id", "member_id") DO UPDATE SET
      "title_code" = EXCLUDED."title_code", "basis" = EXCLUDED."basis", "initiative_title" = EXCLUDED."initiative_title",
      "status" = 'SUBMITTED', "return_reason" = NULL, "decided_by_id" = NULL, "decided_at" = NULL, "digested_at" = NULL,
      "submitted_by_id" = EXCLUDED."submitted_by_id", "updated_at" = now()
    RETURNING "id", (xmax = 0) INTO v_id, v_created;
  ELSE
    INSERT INTO "registration" ("campaign_id", "scope", "member_id", "unit_id", "title_code", "basis", "initiative_title", "status", "submitted_by_id", "created_at", "updated_at")
    VALUES (p_campaign, 'COLLECTIVE', NULL, p_unit, p_title, p_basis, p_initiative, 'SUBMITTED', p_submitted_by, now(), now())
    ON CONFLICT ("campaign_id", "unit_id") DO UPDATE SET
      "title_code" = EXCLUDED."title_code", "basis" = EXCLUDED."basis", "initiative_title" = EXCLUDED."initiative_title",
      "status" = 'SUBMITTED', "return_reason" = NULL, "decided_by_id" = NULL, "decided_at" = NULL, "digested_at" = NULL,
      "submitted_by_id" = EXCLUDED."submitted_by_id", "updated_at" = now()
    RETURNING "id", (xmax = 0) INTO v_id, v_created;
  END IF;
  DELETE FROM "commitment" WHERE "registration_id" = v_id
    AND "criterion_id" NOT IN (SELECT x.criterion_id FROM json_to_recordset(p_commitments) AS x(criterion_id integer));
  INSERT INTO "commitment" ("registration_id", "criterion_id", "target_number", "target_bool", "target_text")
    SELECT v_id, x.criterion_id, x.target_number, x.target_bool, x.target_text
    FROM json_to_recordset(p_commitments) AS x(criterion_id integer, target_number numeric, target_bool boolean, target_text text)
  ON CONFLICT ("registration_id", "criterion_id") DO UPDATE SET
    "target_number" = EXCLUDED."target_number", "target_bool" = EXCLUDED."target_bool", "target_text" = EXCLUDED."target_text";
  RETURN json_build_object('id', v_id, 'created', v_created);
END $$;

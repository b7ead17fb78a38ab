-- Two changes for the registration benchmark (issue 9).
--
-- "Is this unit in the campaign's audience?" as plpgsql, so its plan is kept per connection.
-- As a plain SQL function it was never inlined (PostgreSQL does not inline a scalar SQL function
-- whose body holds a sub-select, and EXISTS is one), so PostgreSQL ≤ 17 planned it again on every
-- call: ≈ 0.15 ms of the database's CPU each time, about half of what opening registration and
-- submitting it cost (bench/registration, issue 9). Same question, same answer.
CREATE OR REPLACE FUNCTION "unit_in_campaign_audience"(p_campaign integer, p_unit integer) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM "unit" u JOIN "unit" root ON u.path LIKE root.path || '%'
    WHERE u.id = p_unit
      AND (root.id IN (SELECT au.unit_id FROM "campaign_audience_unit" au WHERE au.campaign_id = p_campaign)
        OR root.group_id IN (SELECT ag.group_id FROM "campaign_audience_group" ag WHERE ag.campaign_id = p_campaign)));
END $$;

-- Confirming a registration in one round trip (issue 9): the service has checked the rules on the
-- facts the member saw when they opened the campaign (role, unit, registration deadline, titles as
-- "code scope", line ids, whether their registration was rejected). This re-reads
-- the same facts; when they still agree it stores the registration (registration_store) and
-- returns {stored}; otherwise it stores nothing and returns {facts} (registration_submit_facts)
-- for the service to decide on anew.
CREATE FUNCTION "registration_submit_seen"(
  p_member integer, p_campaign integer, p_scope text,
  p_role text, p_unit integer, p_deadline timestamptz, p_titles text[], p_lines integer[], p_rejected boolean,
  p_reg_member integer, p_reg_unit integer, p_title text, p_basis text, p_initiative text, p_commitments json
) RETURNS json LANGUAGE plpgsql AS $$
DECLARE
  v_same boolean;
BEGIN
  SELECT c.status = 'LAUNCHED'
     AND m.role::text = p_role
     AND m.unit_id IS NOT DISTINCT FROM p_unit
     AND (SELECT max(ms.due_at) FROM "milestone" ms WHERE ms.campaign_id = c.id AND ms.kind = 'REGISTRATION') IS NOT DISTINCT FROM p_deadline
     -- The same sets, in any order.
     AND COALESCE((SELECT array_agg(t.code || ' ' || t.scope) FROM "campaign_title" t WHERE t.campaign_id = c.id), '{}') <@ p_titles
     AND (SELECT count(*) FROM "campaign_title" t WHERE t.campaign_id = c.id) = cardinality(p_titles)
     AND COALESCE((SELECT array_agg(cr.id) FROM "criterion" cr WHERE cr.campaign_id = c.id), '{}') <@ p_lines
     AND (SELECT count(*) FROM "criterion" cr WHERE cr.campaign_id = c.id) = cardinality(p_lines)
     AND EXISTS (SELECT 1 FROM "registration" r WHERE r.campaign_id = c.id AND r.status = 'REJECTED'
                 AND CASE WHEN p_scope = 'INDIVIDUAL' THEN r.member_id = m.id ELSE r.unit_id = m.unit_id AND r.scope = 'COLLECTIVE' END) = p_rejected
     AND COALESCE("unit_in_campaign_audience"(c.id, m.unit_id), false)
  INTO v_same
  FROM "member" m, "campaign" c
  WHERE m.id = p_member AND c.id = p_campaign;
  IF v_same IS NOT TRUE THEN
    RETURN json_build_object('facts', "registration_submit_facts"(p_member, p_campaign, p_scope));
  END IF;
  RETURN json_build_object('stored', "registration_store"(p_campaign, p_scope, p_reg_member, p_reg_unit, p_title, p_basis, p_initiative, p_member, p_commitments));
END $$;

import { describe, expect, it } from 'vitest';
import { localDate } from '../../src/domain/dates.js';
import {
  checkRegistrationRules,
  explainEligibility,
  isTitleCode,
  POLICY_VERSION,
  TITLE_CODES,
  TITLE_POLICY,
  type RegistrationRulesInput,
} from '../../src/domain/titles.js';

const now = localDate(2025, 7, 10, 9);
const offered = [
  { code: 'LDTT', scope: 'INDIVIDUAL' as const },
  { code: 'CSTDCS', scope: 'INDIVIDUAL' as const },
  { code: 'TTLDTT', scope: 'COLLECTIVE' as const },
  { code: 'CONG_DAN_DONG_KHOI', scope: 'INDIVIDUAL' as const },
];
const member = { role: 'MEMBER' as const, unitId: 4, isOfficerOfTargetUnit: false };
const officer = { role: 'OFFICER' as const, unitId: 4, isOfficerOfTargetUnit: true };
const base: RegistrationRulesInput = { offered, title: 'LDTT', scope: 'INDIVIDUAL', actor: member, now };

describe('the policy table', () => {
  it('has a row with a citation for every title code, version 2024-01-01', () => {
    expect(POLICY_VERSION).toBe('2024-01-01');
    expect(TITLE_CODES).toHaveLength(11);
    for (const code of TITLE_CODES) {
      const row = TITLE_POLICY[code];
      expect(row.code).toBe(code);
      expect(row.citation).toMatch(/Luật TĐKT 2022|Nghị định|Thông tư/);
      for (const p of row.preconditions) expect(p.citation.length).toBeGreaterThan(0);
    }
  });

  it('registers households and communities as collectives but keeps their category', () => {
    expect(TITLE_POLICY.GIA_DINH_VH).toMatchObject({ scope: 'COLLECTIVE', category: 'HOUSEHOLD' });
    expect(TITLE_POLICY.THON_VH).toMatchObject({ scope: 'COLLECTIVE', category: 'COMMUNITY' });
  });

  it('asks CSTĐCS and higher for a basis and requires an initiative from CSTĐ tỉnh up', () => {
    expect(TITLE_POLICY.LDTT.asksBasis).toBe(false);
    expect(TITLE_POLICY.CSTDCS).toMatchObject({ asksBasis: true, requiresInitiative: false });
    expect(TITLE_POLICY.CSTD_TINH).toMatchObject({ asksBasis: true, requiresInitiative: true, bases: ['INITIATIVE'] });
    expect(TITLE_POLICY.CSTD_TQ.requiresInitiative).toBe(true);
  });

  it('cites Điều 24 for Lao động tiên tiến', () => {
    expect(TITLE_POLICY.LDTT.citation).toBe('Luật TĐKT 2022, Điều 24');
  });

  it('recognises only exact title codes', () => {
    expect(isTitleCode('CSTDCS')).toBe(true);
    expect(isTitleCode('cstdcs')).toBe(false);
    expect(isTitleCode('CONG_DAN_DONG_KHOI')).toBe(false);
  });
});

describe('a member registers a title', () => {
  it('lets a member register LĐTT offered by the campaign', () => {
    expect(checkRegistrationRules(base)).toEqual({ ok: true });
  });

  it('lets a member register the campaign’s own honour', () => {
    expect(checkRegistrationRules({ ...base, title: 'CONG_DAN_DONG_KHOI' })).toEqual({ ok: true });
  });

  it('refuses a title the campaign does not offer', () => {
    expect(checkRegistrationRules({ ...base, title: 'CSTD_TINH' })).toEqual({ ok: false, reason: 'title_not_offered' });
  });

  it('refuses a collective title asked for as an individual', () => {
    expect(checkRegistrationRules({ ...base, title: 'TTLDTT' })).toEqual({ ok: false, reason: 'title_wrong_scope' });
  });

  it('lets only an officer of the unit register its collective title', () => {
    const collective = { ...base, title: 'TTLDTT', scope: 'COLLECTIVE' as const };
    expect(checkRegistrationRules({ ...collective, actor: member })).toEqual({ ok: false, reason: 'collective_officer_only' });
    expect(checkRegistrationRules({ ...collective, actor: { ...officer, isOfficerOfTargetUnit: false } })).toEqual({
      ok: false,
      reason: 'collective_officer_only',
    });
    expect(checkRegistrationRules({ ...collective, actor: officer })).toEqual({ ok: true });
  });

  it('asks a member without a unit to join one first', () => {
    expect(checkRegistrationRules({ ...base, actor: { ...member, unitId: null } })).toEqual({ ok: false, reason: 'member_without_unit' });
  });

  it('refuses after the registration deadline, but not at the deadline itself', () => {
    expect(checkRegistrationRules({ ...base, registrationDeadline: localDate(2025, 7, 10, 8) })).toEqual({
      ok: false,
      reason: 'registration_closed',
    });
    expect(checkRegistrationRules({ ...base, registrationDeadline: now })).toEqual({ ok: true });
  });

  it('refuses a second registration but allows redoing a returned or withdrawn one', () => {
    expect(checkRegistrationRules({ ...base, existing: 'SUBMITTED' })).toEqual({ ok: false, reason: 'already_registered' });
    expect(checkRegistrationRules({ ...base, existing: 'APPROVED' })).toEqual({ ok: false, reason: 'already_registered' });
    expect(checkRegistrationRules({ ...base, existing: 'REJECTED' })).toEqual({ ok: false, reason: 'registration_rejected' });
    expect(checkRegistrationRules({ ...base, existing: 'RETURNED' })).toEqual({ ok: true });
    expect(checkRegistrationRules({ ...base, existing: 'WITHDRAWN' })).toEqual({ ok: true });
  });

  it('asks which basis a CSTĐCS candidate plans, citing Điều 23', () => {
    const cstdcs = { ...base, title: 'CSTDCS' };
    expect(checkRegistrationRules(cstdcs)).toEqual({ ok: true });
    expect(checkRegistrationRules({ ...cstdcs, basis: null })).toEqual({
      ok: false,
      reason: 'basis_required',
      citation: 'Luật TĐKT 2022, Điều 23',
    });
    expect(checkRegistrationRules({ ...cstdcs, basis: 'TOPIC' })).toEqual({ ok: true });
  });

  it('accepts only an initiative as the basis for CSTĐ tỉnh', () => {
    const tinh = { ...base, offered: [{ code: 'CSTD_TINH', scope: 'INDIVIDUAL' as const }], title: 'CSTD_TINH' };
    expect(checkRegistrationRules({ ...tinh, basis: 'EXCELLENT_RATING' })).toMatchObject({ ok: false, reason: 'basis_not_allowed' });
    expect(checkRegistrationRules({ ...tinh, basis: 'INITIATIVE' })).toEqual({ ok: true });
  });
});

describe('"Am I eligible?"', () => {
  it('says yes to LĐTT for a member rated "hoàn thành tốt", with the article', () => {
    const a = explainEligibility('LDTT', { year: 2025, taskRating: 'GOOD', recruitedAt: localDate(2025, 3, 1) });
    expect(a.eligible).toBe(true);
    expect(a.policyVersion).toBe('2024-01-01');
    expect(a.checks[0]).toMatchObject({ code: 'ldtt.task_rating', passed: true, citation: 'Luật TĐKT 2022, Điều 24' });
  });

  it('says no to LĐTT for a member rated only "hoàn thành"', () => {
    const a = explainEligibility('LDTT', { year: 2025, taskRating: 'COMPLETED' });
    expect(a.eligible).toBe(false);
    expect(a.checks[0]).toMatchObject({ passed: false, known: true, params: { min: 'GOOD', actual: 'COMPLETED' } });
  });

  it('says no to LĐTT for someone recruited less than 6 months before year end', () => {
    const late = explainEligibility('LDTT', { year: 2025, taskRating: 'EXCELLENT', recruitedAt: localDate(2025, 7, 2) });
    expect(late.eligible).toBe(false);
    expect(late.checks[1]).toMatchObject({ code: 'ldtt.recruited_early_enough', passed: false, citation: 'Thông tư 01/2024/TT-BNV' });
    const onTime = explainEligibility('LDTT', { year: 2025, taskRating: 'EXCELLENT', recruitedAt: localDate(2025, 7, 1) });
    expect(onTime.eligible).toBe(true);
  });

  it('cannot say yet when the task rating is not known', () => {
    const a = explainEligibility('LDTT', { year: 2025 });
    expect(a.eligible).toBeNull();
    expect(a.checks[0]).toMatchObject({ known: false, passed: false });
  });

  it('says yes to CSTĐCS for LĐTT plus an initiative recognised by the unit', () => {
    const a = explainEligibility('CSTDCS', { year: 2025, taskRating: 'GOOD', initiativeEffect: 'UNIT' });
    expect(a.eligible).toBe(true);
  });

  it('says yes to CSTĐCS for an excellent rating alone (no initiative needed under the 2022 law)', () => {
    expect(explainEligibility('CSTDCS', { year: 2025, taskRating: 'EXCELLENT', initiativeEffect: null, topicAccepted: false }).eligible).toBe(true);
  });

  it('says no to CSTĐCS for "hoàn thành tốt" without initiative or topic', () => {
    const a = explainEligibility('CSTDCS', { year: 2025, taskRating: 'GOOD', initiativeEffect: null, topicAccepted: false });
    expect(a.eligible).toBe(false);
    expect(a.checks.find((c) => c.code === 'cstdcs.basis')).toMatchObject({ passed: false, citation: 'Luật TĐKT 2022, Điều 23' });
  });

  it('checks 3 consecutive CSTĐCS and a province-wide initiative for CSTĐ tỉnh', () => {
    const held = [2023, 2024, 2025].map((year) => ({ year, title: 'CSTDCS' as const }));
    expect(explainEligibility('CSTD_TINH', { year: 2025, heldTitles: held, initiativeEffect: 'PROVINCE' }).eligible).toBe(true);
    const gap = explainEligibility('CSTD_TINH', { year: 2025, heldTitles: held.slice(1), initiativeEffect: 'PROVINCE' });
    expect(gap.checks[0]).toMatchObject({ passed: false, params: { years: 3, actual: 2 } });
    expect(explainEligibility('CSTD_TINH', { year: 2025, heldTitles: held, initiativeEffect: 'UNIT' }).eligible).toBe(false);
  });

  it('checks ≥ 70 % LĐTT and no "cảnh cáo" for Tập thể lao động tiên tiến', () => {
    const ok = explainEligibility('TTLDTT', {
      year: 2025,
      taskRating: 'GOOD',
      memberCount: 10,
      membersWithTitle: { LDTT: 7 },
      discipline: 'REPRIMAND',
    });
    expect(ok.eligible).toBe(true);
    const low = explainEligibility('TTLDTT', { year: 2025, taskRating: 'GOOD', memberCount: 10, membersWithTitle: { LDTT: 6 }, discipline: 'NONE' });
    expect(low.checks[1]).toMatchObject({ code: 'ttldtt.members_ldtt', passed: false, params: { part: 6, whole: 10, min: 0.7 } });
    const warned = explainEligibility('TTLDTT', { year: 2025, taskRating: 'GOOD', memberCount: 10, membersWithTitle: { LDTT: 9 }, discipline: 'WARNING' });
    expect(warned.eligible).toBe(false);
  });

  it('checks TTLĐXS: a TTLĐTT unit, everyone completing tasks, ≥ 70 % LĐTT, one CSTĐCS', () => {
    const facts = {
      year: 2025,
      heldTitles: [{ year: 2025, title: 'TTLDTT' as const }],
      memberCount: 10,
      membersCompletingTasks: 10,
      membersWithTitle: { LDTT: 8, CSTDCS: 1 },
      discipline: 'NONE' as const,
    };
    expect(explainEligibility('TTLDXS', facts).eligible).toBe(true);
    expect(explainEligibility('TTLDXS', { ...facts, membersCompletingTasks: 9 }).eligible).toBe(false);
    expect(explainEligibility('TTLDXS', { ...facts, membersWithTitle: { LDTT: 8, CSTDCS: 0 } }).eligible).toBe(false);
  });

  it('gives the leading unit of a khối the provincial flag', () => {
    expect(explainEligibility('CO_TINH', { year: 2025, isGroupLeader: true }).eligible).toBe(true);
    expect(explainEligibility('CO_CP', { year: 2025, isGroupLeader: true, outstandingAmongLeaders: false }).eligible).toBe(false);
  });

  it('checks a household was assessed by 25/11 (Decree 86/2023)', () => {
    expect(explainEligibility('GIA_DINH_VH', { year: 2025, assessedAt: localDate(2025, 11, 25, 20) }).eligible).toBe(true);
    const late = explainEligibility('GIA_DINH_VH', { year: 2025, assessedAt: localDate(2025, 11, 26, 8) });
    expect(late.checks[0]).toMatchObject({ passed: false, citation: 'Nghị định 86/2023/NĐ-CP' });
  });
});

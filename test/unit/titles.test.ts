import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { addressVars } from '../../src/domain/address.js';
import { localDate } from '../../src/domain/dates.js';
import {
  checkRegistrationRules,
  CITATIONS,
  COUNCIL_VOTE_POLICY,
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
  it('has a row with a citation for every title code, version 2025-07-01 (Decree 152/2025 in force)', () => {
    expect(POLICY_VERSION).toBe('2025-07-01');
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

  it('asks CSTĐCS and higher for a basis; CSTĐ bộ/tỉnh and toàn quốc accept an initiative, a topic/project or combat ingenuity (Arts 21.1, 22.1)', () => {
    expect(TITLE_POLICY.LDTT.asksBasis).toBe(false);
    expect(TITLE_POLICY.CSTDCS).toMatchObject({ asksBasis: true, bases: ['EXCELLENT_RATING', 'INITIATIVE', 'TOPIC', 'COMBAT_INGENUITY'] });
    expect(TITLE_POLICY.CSTD_TINH).toMatchObject({ asksBasis: true, bases: ['INITIATIVE', 'TOPIC', 'COMBAT_INGENUITY'] });
    expect(TITLE_POLICY.CSTD_TQ).toMatchObject({ asksBasis: true, bases: ['INITIATIVE', 'TOPIC', 'COMBAT_INGENUITY'] });
    expect(TITLE_POLICY.CSTD_TINH).not.toHaveProperty('requiresInitiative');
  });

  it('gives TTLĐXS no TTLĐTT prerequisite and no discipline clause, but the collective\'s "hoàn thành xuất sắc nhiệm vụ" (Art. 27)', () => {
    const kinds = TITLE_POLICY.TTLDXS.preconditions.map((p) => p.kind);
    expect(kinds).not.toContain('HOLDS_TITLE_THIS_YEAR');
    expect(kinds).not.toContain('NO_DISCIPLINE_AT_OR_ABOVE');
    expect(TITLE_POLICY.TTLDXS.preconditions[0]).toMatchObject({ kind: 'TASK_RATING_AT_LEAST', rating: 'EXCELLENT', citation: 'Luật TĐKT 2022, Điều 27' });
  });

  it('cites Decree 152/2025 for the decree in force, never the repealed Decree 98/2023 as current, and marks unverified sources', () => {
    expect(CITATIONS.DECREE_152).toBe('Nghị định 152/2025/NĐ-CP');
    expect(Object.keys(CITATIONS)).not.toContain('DECREE_98');
    // Circular 01/2024 may have been replaced (TT 15/2025/TT-BNV): the LĐTT 6-month rule says so.
    expect(TITLE_POLICY.LDTT.preconditions[1]).toMatchObject({ code: 'ldtt.recruited_early_enough', verified: false });
    expect(TITLE_POLICY.LDTT.preconditions[0]).toMatchObject({ verified: true });
    // The council's vote shares come from Decree 98 Art. 30.7; whether Decree 152 keeps them is unverified.
    expect(COUNCIL_VOTE_POLICY).toEqual([
      { titles: ['CSTD_TINH', 'CSTD_TQ'], share: 0.9, citation: 'Nghị định 98/2023/NĐ-CP, Điều 30.7', supersededBy: 'Nghị định 152/2025/NĐ-CP', verified: false },
      { titles: ['CSTDCS', 'CO_TINH', 'CO_CP'], share: 0.8, citation: 'Nghị định 98/2023/NĐ-CP, Điều 30.7', supersededBy: 'Nghị định 152/2025/NĐ-CP', verified: false },
    ]);
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

  it('accepts an initiative, a topic/project or combat ingenuity as the basis for CSTĐ tỉnh, not a rating alone', () => {
    const tinh = { ...base, offered: [{ code: 'CSTD_TINH', scope: 'INDIVIDUAL' as const }], title: 'CSTD_TINH' };
    expect(checkRegistrationRules({ ...tinh, basis: 'EXCELLENT_RATING' })).toMatchObject({ ok: false, reason: 'basis_not_allowed' });
    expect(checkRegistrationRules({ ...tinh, basis: 'INITIATIVE' })).toEqual({ ok: true });
    expect(checkRegistrationRules({ ...tinh, basis: 'TOPIC' })).toEqual({ ok: true });
    expect(checkRegistrationRules({ ...tinh, basis: 'COMBAT_INGENUITY' })).toEqual({ ok: true });
  });
});

describe('"Am I eligible?"', () => {
  it('says yes to LĐTT for a member rated "hoàn thành tốt", with the article', () => {
    const a = explainEligibility('LDTT', { year: 2025, taskRating: 'GOOD', recruitedAt: localDate(2025, 3, 1) });
    expect(a.eligible).toBe(true);
    expect(a.policyVersion).toBe('2025-07-01');
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
    expect(late.checks[1]).toMatchObject({ code: 'ldtt.recruited_early_enough', passed: false, citation: 'Thông tư 01/2024/TT-BNV', verified: false });
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
    expect(explainEligibility('CSTDCS', { year: 2025, taskRating: 'EXCELLENT', initiativeEffect: null, topicEffect: null, combatIngenuityEffect: null }).eligible).toBe(true);
  });

  it('says yes to CSTĐCS for LĐTT plus combat ingenuity recognised at the unit', () => {
    expect(explainEligibility('CSTDCS', { year: 2025, taskRating: 'GOOD', initiativeEffect: null, topicEffect: null, combatIngenuityEffect: 'UNIT' }).eligible).toBe(true);
  });

  it('says no to CSTĐCS for "hoàn thành tốt" without initiative, topic or combat ingenuity', () => {
    const a = explainEligibility('CSTDCS', { year: 2025, taskRating: 'GOOD', initiativeEffect: null, topicEffect: null, combatIngenuityEffect: null });
    expect(a.eligible).toBe(false);
    expect(a.checks.find((c) => c.code === 'cstdcs.basis')).toMatchObject({ passed: false, citation: 'Luật TĐKT 2022, Điều 23' });
  });

  it('checks 3 consecutive CSTĐCS and a province-wide initiative, topic/project or combat ingenuity for CSTĐ tỉnh', () => {
    const held = [2023, 2024, 2025].map((year) => ({ year, title: 'CSTDCS' as const }));
    const none = { initiativeEffect: null, topicEffect: null, combatIngenuityEffect: null };
    expect(explainEligibility('CSTD_TINH', { year: 2025, heldTitles: held, initiativeEffect: 'PROVINCE' }).eligible).toBe(true);
    // No initiative at all: an accepted topic with province-wide effect is enough.
    expect(explainEligibility('CSTD_TINH', { year: 2025, heldTitles: held, ...none, topicEffect: 'PROVINCE' }).eligible).toBe(true);
    expect(explainEligibility('CSTD_TINH', { year: 2025, heldTitles: held, ...none, combatIngenuityEffect: 'NATIONAL' }).eligible).toBe(true);
    const gap = explainEligibility('CSTD_TINH', { year: 2025, heldTitles: held.slice(1), initiativeEffect: 'PROVINCE' });
    expect(gap.checks[0]).toMatchObject({ passed: false, params: { years: 3, actual: 2 } });
    const local = explainEligibility('CSTD_TINH', { year: 2025, heldTitles: held, ...none, initiativeEffect: 'UNIT', topicEffect: 'UNIT' });
    expect(local.eligible).toBe(false);
    expect(local.checks[1]).toMatchObject({ code: 'cstd_tinh.basis_province', passed: false, citation: 'Luật TĐKT 2022, Điều 22' });
  });

  it('checks 2 consecutive CSTĐ tỉnh and a nationwide topic for CSTĐ toàn quốc, without an initiative', () => {
    const held = [2024, 2025].map((year) => ({ year, title: 'CSTD_TINH' as const }));
    const facts = { year: 2025, heldTitles: held, initiativeEffect: null, combatIngenuityEffect: null };
    expect(explainEligibility('CSTD_TQ', { ...facts, topicEffect: 'NATIONAL' }).eligible).toBe(true);
    expect(explainEligibility('CSTD_TQ', { ...facts, topicEffect: 'PROVINCE' }).eligible).toBe(false);
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

  it('checks TTLĐXS: "hoàn thành xuất sắc nhiệm vụ", active emulation, everyone completing tasks, ≥ 70 % LĐTT, one CSTĐCS, unity', () => {
    const facts = {
      year: 2025,
      taskRating: 'EXCELLENT' as const,
      activeEmulation: true,
      memberCount: 10,
      membersCompletingTasks: 10,
      membersWithTitle: { LDTT: 8, CSTDCS: 1 },
      internalUnity: true,
    };
    // Neither a TTLĐTT title this year nor the absence of discipline is asked for.
    expect(explainEligibility('TTLDXS', { ...facts, discipline: 'WARNING' }).eligible).toBe(true);
    expect(explainEligibility('TTLDXS', { ...facts, taskRating: 'GOOD' }).eligible).toBe(false);
    expect(explainEligibility('TTLDXS', { ...facts, membersCompletingTasks: 9 }).eligible).toBe(false);
    expect(explainEligibility('TTLDXS', { ...facts, membersWithTitle: { LDTT: 8, CSTDCS: 0 } }).eligible).toBe(false);
    expect(explainEligibility('TTLDXS', { ...facts, internalUnity: undefined }).eligible).toBeNull();
  });

  it('gives the leading unit of a khối the provincial flag, and the Government flag by any of the three routes of Art. 25', () => {
    expect(explainEligibility('CO_TINH', { year: 2025, isGroupLeader: true }).eligible).toBe(true);
    const noRoute = { year: 2025, outstandingAmongLeaders: false, leadsCentralGroup: false, leadsPrimeMinisterMovement: false };
    expect(explainEligibility('CO_CP', noRoute).eligible).toBe(false);
    expect(explainEligibility('CO_CP', { ...noRoute, outstandingAmongLeaders: true }).eligible).toBe(true);
    expect(explainEligibility('CO_CP', { ...noRoute, leadsCentralGroup: true }).eligible).toBe(true);
    expect(explainEligibility('CO_CP', { ...noRoute, leadsPrimeMinisterMovement: true }).eligible).toBe(true);
  });

  it('checks a household was assessed by 25/11 (Decree 86/2023)', () => {
    expect(explainEligibility('GIA_DINH_VH', { year: 2025, assessedAt: localDate(2025, 11, 25, 20) }).eligible).toBe(true);
    const late = explainEligibility('GIA_DINH_VH', { year: 2025, assessedAt: localDate(2025, 11, 26, 8) });
    expect(late.checks[0]).toMatchObject({ passed: false, citation: 'Nghị định 86/2023/NĐ-CP' });
  });
});

describe('what members are told about titles (both locales)', () => {
  const text = (locale: 'vi' | 'en', id: string, args: Record<string, string> = {}) => {
    const b = new FluentBundle(locale, { useIsolating: false });
    b.addResource(new FluentResource(readFileSync(new URL(`../../locales/${locale}.ftl`, import.meta.url), 'utf8')));
    const m = b.getMessage(id);
    if (!m?.value) throw new Error(`${locale}: no message ${id}`);
    return b.formatPattern(m.value, { ...addressVars(null), ...args });
  };

  it('explains CSTĐ tỉnh and toàn quốc with every basis the law accepts, not an initiative only', () => {
    expect(text('vi', 'reg-title-desc-CSTD_TINH')).toBe(
      '3 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở và có sáng kiến, đề tài/đề án khoa học hoặc mưu trí, sáng tạo trong chiến đấu có phạm vi ảnh hưởng cấp bộ, ban, ngành, tỉnh (Điều 22).',
    );
    expect(text('vi', 'reg-title-desc-CSTD_TQ')).toBe(
      '2 lần liên tục đạt danh hiệu Chiến sĩ thi đua bộ, ban, ngành, tỉnh và có sáng kiến, đề tài/đề án khoa học hoặc mưu trí, sáng tạo trong chiến đấu có phạm vi ảnh hưởng toàn quốc (Điều 21).',
    );
    expect(text('en', 'reg-title-desc-CSTD_TINH')).toBe(
      'the Grassroots Emulation Fighter title 3 times in a row and an initiative, a research topic/project or combat ingenuity with ministry- or province-wide effect (Art. 22).',
    );
    expect(text('en', 'reg-title-desc-CSTD_TQ')).toBe(
      'the ministry/sector/provincial Emulation Fighter title 2 times in a row and an initiative, a research topic/project or combat ingenuity with nationwide effect (Art. 21).',
    );
  });

  it('explains TTLĐXS without a TTLĐTT prerequisite, and CSTĐCS and the Government flag with all their routes', () => {
    expect(text('vi', 'reg-title-desc-TTLDXS')).toBe(
      'tập thể hoàn thành xuất sắc nhiệm vụ, thi đua thiết thực, hiệu quả; 100% cá nhân hoàn thành nhiệm vụ, ít nhất 70% đạt danh hiệu Lao động tiên tiến, có cá nhân đạt Chiến sĩ thi đua cơ sở; nội bộ đoàn kết (Điều 27).',
    );
    expect(text('en', 'reg-title-desc-TTLDXS')).toBe(
      'the collective completes its tasks excellently with practical, effective emulation; 100% of members complete their tasks, at least 70% hold the Advanced Worker title, at least one is a Grassroots Emulation Fighter; internal unity (Art. 27).',
    );
    expect(text('vi', 'reg-title-desc-CSTDCS')).toBe(
      'đạt danh hiệu Lao động tiên tiến và hoàn thành xuất sắc nhiệm vụ, hoặc có sáng kiến, đề tài/đề án khoa học, hoặc mưu trí, sáng tạo trong chiến đấu (Điều 23).',
    );
    expect(text('en', 'reg-title-desc-CSTDCS')).toBe(
      'the Advanced Worker title plus an excellent rating, an initiative, a research topic/project or combat ingenuity (Art. 23).',
    );
    expect(text('vi', 'reg-title-desc-CO_CP')).toContain('do Thủ tướng Chính phủ phát động từ 5 năm trở lên (Điều 25)');
    expect(text('en', 'reg-title-desc-CO_CP')).toContain('launched by the Prime Minister for 5 years or more (Art. 25)');
    expect(text('vi', 'reg-basis-COMBAT_INGENUITY')).toBe('Mưu trí, sáng tạo trong chiến đấu');
    expect(text('en', 'reg-basis-COMBAT_INGENUITY')).toBe('Combat ingenuity');
  });

  it('never names the repealed Decree 98/2023 to a member', () => {
    for (const locale of ['vi', 'en'] as const) {
      expect(readFileSync(new URL(`../../locales/${locale}.ftl`, import.meta.url), 'utf8')).not.toMatch(/98\/2023/);
    }
  });
});

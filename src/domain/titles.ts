/**
 * Danh hiệu thi đua (emulation titles): the versioned policy table and the rules the bot enforces
 * and explains. Every threshold is data in {@link TITLE_POLICY} with the article it comes from, so
 * an officer or a change of the law (a 2025 draft amends it) corrects one table, not the code.
 *
 * Sources, as checked against public copies of the texts on 30/11/2026: Luật Thi đua, khen thưởng
 * 06/2022/QH15 (in force 01/01/2024) Arts 21–28 for the titles; Decree 152/2025/NĐ-CP, which
 * details the law from 01/07/2025 and repealed Decree 98/2023/NĐ-CP (Art. 59.2); household and
 * community titles in Decree 86/2023/NĐ-CP. A rule whose source could not be confirmed as current
 * carries `verified: false` and is shown as such — a member must never be told a rule that is not
 * the law: Circular 01/2024/TT-BNV (the LĐTT 6-month rule; possibly replaced by TT 15/2025/TT-BNV)
 * and the emulation council's vote shares (Decree 98/2023 Art. 30.7; kept by Decree 152/2025?).
 */
import { addMonthsClamped, localDate, localParts } from './dates.js';

/** Date from which this table applies (Decree 152/2025/NĐ-CP in force). Bump it on every change. */
export const POLICY_VERSION = '2025-07-01';

/** Every standard title code, in the order officers know them (individual, collective, household). */
export const TITLE_CODES = [
  'LDTT',
  'CSTDCS',
  'CSTD_TINH',
  'CSTD_TQ',
  'TTLDTT',
  'TTLDXS',
  'CO_TINH',
  'CO_CP',
  'GIA_DINH_VH',
  'THON_VH',
  'XA_TIEU_BIEU',
] as const;

/** A standard title code (campaigns may add custom honours with other codes). */
export type TitleCode = (typeof TITLE_CODES)[number];

/** Who registers: a person (cá nhân) or a unit through its officer (tập thể). */
export type Scope = 'INDIVIDUAL' | 'COLLECTIVE';

/** What the title is for; households and communities register with COLLECTIVE scope. */
export type TitleCategory = 'INDIVIDUAL' | 'COLLECTIVE' | 'HOUSEHOLD' | 'COMMUNITY';

/**
 * The basis a CSTĐCS-or-higher candidate plans (cơ sở xét): an excellent rating (CSTĐCS only), an
 * initiative (sáng kiến), a scientific topic or project (đề tài, đề án khoa học), or combat
 * ingenuity (mưu trí, sáng tạo trong chiến đấu, phục vụ chiến đấu — armed forces).
 */
export type Basis = 'EXCELLENT_RATING' | 'INITIATIVE' | 'TOPIC' | 'COMBAT_INGENUITY';

/** Every basis, for keyboards. */
export const BASES: readonly Basis[] = ['EXCELLENT_RATING', 'INITIATIVE', 'TOPIC', 'COMBAT_INGENUITY'];

/** The achievements with a reach (all bases but the rating): CSTĐ bộ/tỉnh and toàn quốc take any of them. */
const ACHIEVEMENTS: readonly Basis[] = ['INITIATIVE', 'TOPIC', 'COMBAT_INGENUITY'];

/**
 * Yearly task rating (xếp loại): hoàn thành xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ.
 */
export type TaskRating = 'EXCELLENT' | 'GOOD' | 'COMPLETED' | 'NOT_COMPLETED';

/** Disciplinary measure (kỷ luật), mildest first: khiển trách, cảnh cáo, then anything heavier. */
export type DisciplineLevel = 'NONE' | 'REPRIMAND' | 'WARNING' | 'SEVERE';

/** How far an initiative, topic or combat ingenuity is recognised to have effect. */
export type EffectLevel = 'UNIT' | 'PROVINCE' | 'NATIONAL';

const RATING_RANK: Readonly<Record<TaskRating, number>> = { NOT_COMPLETED: 0, COMPLETED: 1, GOOD: 2, EXCELLENT: 3 };
const DISCIPLINE_RANK: Readonly<Record<DisciplineLevel, number>> = { NONE: 0, REPRIMAND: 1, WARNING: 2, SEVERE: 3 };
const EFFECT_RANK: Readonly<Record<EffectLevel, number>> = { UNIT: 1, PROVINCE: 2, NATIONAL: 3 };

/** Citation strings, written once so a renumbered article is fixed in one place. */
export const CITATIONS = {
  CSTD_TQ: 'Luật TĐKT 2022, Điều 21',
  CSTD_TINH: 'Luật TĐKT 2022, Điều 22',
  CSTDCS: 'Luật TĐKT 2022, Điều 23',
  LDTT: 'Luật TĐKT 2022, Điều 24',
  CO_CP: 'Luật TĐKT 2022, Điều 25',
  CO_TINH: 'Luật TĐKT 2022, Điều 26',
  TTLDXS: 'Luật TĐKT 2022, Điều 27',
  TTLDTT: 'Luật TĐKT 2022, Điều 28',
  DECREE_152: 'Nghị định 152/2025/NĐ-CP',
  CIRCULAR_01: 'Thông tư 01/2024/TT-BNV',
  DECREE_86: 'Nghị định 86/2023/NĐ-CP',
} as const;

/**
 * Facts only the unit or the emulation council can confirm (yes or no), named as in
 * {@link EligibilityFacts}.
 */
export type ConfirmedFact =
  | 'activeEmulation'
  | 'internalUnity'
  | 'isGroupLeader'
  | 'outstandingAmongLeaders'
  | 'leadsCentralGroup'
  | 'leadsPrimeMinisterMovement';

/**
 * One precondition of a title, as data. `code` is the stable key locale files render
 * ("eligibility-ldtt-task-rating"); `kind` says how {@link explainEligibility} evaluates it;
 * `verified` is false when its source could not be confirmed as current law (see the module note).
 */
export type Precondition = { code: string; citation: string; verified: boolean } & (
  | { kind: 'TASK_RATING_AT_LEAST'; rating: TaskRating }
  | { kind: 'MIN_MONTHS_BEFORE_YEAR_END'; months: number }
  | { kind: 'HOLDS_TITLE_THIS_YEAR'; title: TitleCode }
  /** One of the bases; achievements must reach at least `level` (the rating has no reach). */
  | { kind: 'ONE_BASIS_OF'; bases: readonly Basis[]; level: EffectLevel }
  | { kind: 'CONSECUTIVE_TITLES'; title: TitleCode; years: number }
  | { kind: 'MEMBER_TITLE_SHARE_AT_LEAST'; title: TitleCode; share: number }
  | { kind: 'MEMBER_COMPLETION_SHARE_AT_LEAST'; share: number }
  | { kind: 'MEMBER_TITLE_COUNT_AT_LEAST'; title: TitleCode; count: number }
  | { kind: 'NO_DISCIPLINE_AT_OR_ABOVE'; level: DisciplineLevel }
  /** At least one of the facts holds (a title with several routes, e.g. Art. 25.1–25.3). */
  | { kind: 'CONFIRMED_ANY_OF'; facts: readonly ConfirmedFact[] }
  | { kind: 'ASSESSED_BY'; day: number; month: number }
);

/** One row of the policy table. */
export interface TitlePolicy {
  code: TitleCode;
  /** Registration scope; households and communities register as COLLECTIVE. */
  scope: Scope;
  category: TitleCategory;
  /** CSTĐCS and higher: the registration asks which basis the member plans. */
  asksBasis: boolean;
  /** The bases offered when {@link asksBasis}. */
  bases: readonly Basis[];
  /** The article that defines the title. */
  citation: string;
  preconditions: readonly Precondition[];
}

/**
 * The policy table, version {@link POLICY_VERSION}. Thresholds (70 %, 6 months, 3 years…) live
 * here only.
 */
export const TITLE_POLICY: Readonly<Record<TitleCode, TitlePolicy>> = {
  LDTT: {
    code: 'LDTT',
    scope: 'INDIVIDUAL',
    category: 'INDIVIDUAL',
    asksBasis: false,
    bases: [],
    citation: CITATIONS.LDTT,
    preconditions: [
      { code: 'ldtt.task_rating', kind: 'TASK_RATING_AT_LEAST', rating: 'GOOD', citation: CITATIONS.LDTT, verified: true },
      // Circular 01/2024 may have been replaced by TT 15/2025/TT-BNV with Decree 152/2025: unverified.
      { code: 'ldtt.recruited_early_enough', kind: 'MIN_MONTHS_BEFORE_YEAR_END', months: 6, citation: CITATIONS.CIRCULAR_01, verified: false },
    ],
  },
  CSTDCS: {
    code: 'CSTDCS',
    scope: 'INDIVIDUAL',
    category: 'INDIVIDUAL',
    asksBasis: true,
    bases: BASES,
    citation: CITATIONS.CSTDCS,
    preconditions: [
      { code: 'cstdcs.ldtt', kind: 'HOLDS_TITLE_THIS_YEAR', title: 'LDTT', citation: CITATIONS.CSTDCS, verified: true },
      { code: 'cstdcs.basis', kind: 'ONE_BASIS_OF', bases: BASES, level: 'UNIT', citation: CITATIONS.CSTDCS, verified: true },
    ],
  },
  CSTD_TINH: {
    code: 'CSTD_TINH',
    scope: 'INDIVIDUAL',
    category: 'INDIVIDUAL',
    asksBasis: true,
    bases: ACHIEVEMENTS,
    citation: CITATIONS.CSTD_TINH,
    preconditions: [
      { code: 'cstd_tinh.consecutive_cstdcs', kind: 'CONSECUTIVE_TITLES', title: 'CSTDCS', years: 3, citation: CITATIONS.CSTD_TINH, verified: true },
      { code: 'cstd_tinh.basis_province', kind: 'ONE_BASIS_OF', bases: ACHIEVEMENTS, level: 'PROVINCE', citation: CITATIONS.CSTD_TINH, verified: true },
    ],
  },
  CSTD_TQ: {
    code: 'CSTD_TQ',
    scope: 'INDIVIDUAL',
    category: 'INDIVIDUAL',
    asksBasis: true,
    bases: ACHIEVEMENTS,
    citation: CITATIONS.CSTD_TQ,
    preconditions: [
      { code: 'cstd_tq.consecutive_cstd_tinh', kind: 'CONSECUTIVE_TITLES', title: 'CSTD_TINH', years: 2, citation: CITATIONS.CSTD_TQ, verified: true },
      { code: 'cstd_tq.basis_national', kind: 'ONE_BASIS_OF', bases: ACHIEVEMENTS, level: 'NATIONAL', citation: CITATIONS.CSTD_TQ, verified: true },
    ],
  },
  TTLDTT: {
    code: 'TTLDTT',
    scope: 'COLLECTIVE',
    category: 'COLLECTIVE',
    asksBasis: false,
    bases: [],
    citation: CITATIONS.TTLDTT,
    preconditions: [
      { code: 'ttldtt.task_rating', kind: 'TASK_RATING_AT_LEAST', rating: 'GOOD', citation: CITATIONS.TTLDTT, verified: true },
      { code: 'ttldtt.members_ldtt', kind: 'MEMBER_TITLE_SHARE_AT_LEAST', title: 'LDTT', share: 0.7, citation: CITATIONS.TTLDTT, verified: true },
      { code: 'ttldtt.no_discipline', kind: 'NO_DISCIPLINE_AT_OR_ABOVE', level: 'WARNING', citation: CITATIONS.TTLDTT, verified: true },
    ],
  },
  // Art. 27: no TTLĐTT prerequisite and no discipline clause (both were read into it before).
  TTLDXS: {
    code: 'TTLDXS',
    scope: 'COLLECTIVE',
    category: 'COLLECTIVE',
    asksBasis: false,
    bases: [],
    citation: CITATIONS.TTLDXS,
    preconditions: [
      { code: 'ttldxs.task_rating', kind: 'TASK_RATING_AT_LEAST', rating: 'EXCELLENT', citation: CITATIONS.TTLDXS, verified: true },
      { code: 'ttldxs.active_emulation', kind: 'CONFIRMED_ANY_OF', facts: ['activeEmulation'], citation: CITATIONS.TTLDXS, verified: true },
      { code: 'ttldxs.members_complete', kind: 'MEMBER_COMPLETION_SHARE_AT_LEAST', share: 1, citation: CITATIONS.TTLDXS, verified: true },
      { code: 'ttldxs.members_ldtt', kind: 'MEMBER_TITLE_SHARE_AT_LEAST', title: 'LDTT', share: 0.7, citation: CITATIONS.TTLDXS, verified: true },
      { code: 'ttldxs.one_cstdcs', kind: 'MEMBER_TITLE_COUNT_AT_LEAST', title: 'CSTDCS', count: 1, citation: CITATIONS.TTLDXS, verified: true },
      { code: 'ttldxs.internal_unity', kind: 'CONFIRMED_ANY_OF', facts: ['internalUnity'], citation: CITATIONS.TTLDXS, verified: true },
    ],
  },
  CO_TINH: {
    code: 'CO_TINH',
    scope: 'COLLECTIVE',
    category: 'COLLECTIVE',
    asksBasis: false,
    bases: [],
    citation: CITATIONS.CO_TINH,
    preconditions: [{ code: 'co_tinh.group_leader', kind: 'CONFIRMED_ANY_OF', facts: ['isGroupLeader'], citation: CITATIONS.CO_TINH, verified: true }],
  },
  // Art. 25: 25.1 outstanding among the leaders of khối/cụm; 25.2 leader of a khối/cụm run by a
  // central body; 25.3 leader of a movement the Prime Minister launched for 5 years or more.
  CO_CP: {
    code: 'CO_CP',
    scope: 'COLLECTIVE',
    category: 'COLLECTIVE',
    asksBasis: false,
    bases: [],
    citation: CITATIONS.CO_CP,
    preconditions: [
      {
        code: 'co_cp.route',
        kind: 'CONFIRMED_ANY_OF',
        facts: ['outstandingAmongLeaders', 'leadsCentralGroup', 'leadsPrimeMinisterMovement'],
        citation: CITATIONS.CO_CP,
        verified: true,
      },
    ],
  },
  GIA_DINH_VH: {
    code: 'GIA_DINH_VH',
    scope: 'COLLECTIVE',
    category: 'HOUSEHOLD',
    asksBasis: false,
    bases: [],
    citation: CITATIONS.DECREE_86,
    preconditions: [{ code: 'household.assessed_by', kind: 'ASSESSED_BY', day: 25, month: 11, citation: CITATIONS.DECREE_86, verified: true }],
  },
  THON_VH: {
    code: 'THON_VH',
    scope: 'COLLECTIVE',
    category: 'COMMUNITY',
    asksBasis: false,
    bases: [],
    citation: CITATIONS.DECREE_86,
    preconditions: [{ code: 'community.assessed_by', kind: 'ASSESSED_BY', day: 25, month: 11, citation: CITATIONS.DECREE_86, verified: true }],
  },
  XA_TIEU_BIEU: {
    code: 'XA_TIEU_BIEU',
    scope: 'COLLECTIVE',
    category: 'COMMUNITY',
    asksBasis: false,
    bases: [],
    citation: CITATIONS.DECREE_86,
    preconditions: [{ code: 'community.assessed_by', kind: 'ASSESSED_BY', day: 25, month: 11, citation: CITATIONS.DECREE_86, verified: true }],
  },
};

/**
 * Share of all members of the emulation council (Hội đồng thi đua – khen thưởng) that must agree
 * to a title in the vote (bình xét); absent members vote in writing. Defaults from Decree 98/2023
 * Art. 30.7 — repealed from 01/07/2025, and whether Decree 152/2025 keeps these shares is
 * unverified, so they are configuration marked `verified: false`, never presented as settled law.
 */
export const COUNCIL_VOTE_POLICY: ReadonlyArray<{
  titles: readonly TitleCode[];
  share: number;
  citation: string;
  /** The decree in force that replaced the cited one, to be checked before the share is relied on. */
  supersededBy: string;
  verified: boolean;
}> = [
  { titles: ['CSTD_TINH', 'CSTD_TQ'], share: 0.9, citation: 'Nghị định 98/2023/NĐ-CP, Điều 30.7', supersededBy: CITATIONS.DECREE_152, verified: false },
  { titles: ['CSTDCS', 'CO_TINH', 'CO_CP'], share: 0.8, citation: 'Nghị định 98/2023/NĐ-CP, Điều 30.7', supersededBy: CITATIONS.DECREE_152, verified: false },
];

/**
 * Whether a string is a standard title code (exact, upper case).
 *
 * @example isTitleCode('CSTDCS') === true; isTitleCode('cstdcs') === false
 */
export function isTitleCode(s: string): s is TitleCode {
  return (TITLE_CODES as readonly string[]).includes(s);
}

/** A title a campaign offers (standard or custom) with its scope. */
export interface OfferedTitle {
  code: string;
  scope: Scope;
}

/** Who is registering: the member themself or an officer acting for a unit. */
export interface RegistrationActor {
  role: 'MEMBER' | 'OFFICER' | 'ADMIN';
  unitId: number | null;
  /** True when the actor is an officer (cán bộ phụ trách thi đua) of the unit being registered. */
  isOfficerOfTargetUnit: boolean;
}

/** Registration statuses as officers know them from back-office software. */
export type RegistrationStatus = 'SUBMITTED' | 'RETURNED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';

/** Input of {@link checkRegistrationRules}. */
export interface RegistrationRulesInput {
  offered: readonly OfferedTitle[];
  title: string;
  scope: Scope;
  actor: RegistrationActor;
  /** Undefined: not asked yet (skip the check). Null: asked and none given. */
  basis?: Basis | null;
  registrationDeadline?: Date;
  now: Date;
  /** Status of the member's (or unit's) existing registration in this campaign, if any. */
  existing?: RegistrationStatus | null;
}

/** Why a registration is refused. */
export type RegistrationRefusal =
  | 'title_not_offered'
  | 'title_wrong_scope'
  | 'collective_officer_only'
  | 'member_without_unit'
  | 'registration_closed'
  | 'already_registered'
  | 'registration_rejected'
  | 'basis_required'
  | 'basis_not_allowed';

/** Result of {@link checkRegistrationRules}. */
export type RegistrationRulesResult = { ok: true } | { ok: false; reason: RegistrationRefusal; citation?: string };

/**
 * The rules a registration (đăng ký thi đua) must pass before it is stored: the campaign offers
 * the title for that scope, collective titles come from an officer of the unit, the deadline has
 * not passed, no live registration exists (a RETURNED or WITHDRAWN one may be redone), and — once
 * asked — the basis fits the title. The first failing rule is returned.
 *
 * @example checkRegistrationRules({ offered: [{ code: 'LDTT', scope: 'INDIVIDUAL' }], title: 'LDTT',
 *   scope: 'INDIVIDUAL', actor: { role: 'MEMBER', unitId: 4, isOfficerOfTargetUnit: false }, now }) // { ok: true }
 */
export function checkRegistrationRules(input: RegistrationRulesInput): RegistrationRulesResult {
  const { offered, title, scope, actor, now } = input;
  const offers = offered.filter((t) => t.code === title);
  if (offers.length === 0) return { ok: false, reason: 'title_not_offered' };
  if (!offers.some((t) => t.scope === scope)) return { ok: false, reason: 'title_wrong_scope' };
  if (scope === 'COLLECTIVE' && !(actor.role !== 'MEMBER' && actor.isOfficerOfTargetUnit)) {
    return { ok: false, reason: 'collective_officer_only' };
  }
  if (scope === 'INDIVIDUAL' && actor.unitId === null) return { ok: false, reason: 'member_without_unit' };
  if (input.registrationDeadline && now.getTime() > input.registrationDeadline.getTime()) {
    return { ok: false, reason: 'registration_closed' };
  }
  if (input.existing === 'SUBMITTED' || input.existing === 'APPROVED') return { ok: false, reason: 'already_registered' };
  if (input.existing === 'REJECTED') return { ok: false, reason: 'registration_rejected' };
  const policy = isTitleCode(title) ? TITLE_POLICY[title] : undefined;
  if (policy?.asksBasis && input.basis !== undefined) {
    if (input.basis === null) return { ok: false, reason: 'basis_required', citation: policy.citation };
    if (!policy.bases.includes(input.basis)) return { ok: false, reason: 'basis_not_allowed', citation: policy.citation };
  }
  return { ok: true };
}

/** What is known about a candidate (person or unit) for {@link explainEligibility}; all optional. */
export interface EligibilityFacts {
  /** Emulation year being assessed. */
  year: number;
  taskRating?: TaskRating;
  recruitedAt?: Date;
  /** Titles already held, by year (for "3 consecutive CSTĐCS"). Omit when unknown. */
  heldTitles?: ReadonlyArray<{ year: number; title: TitleCode }>;
  /** Recognised initiative and how far its effect reaches; null: none. */
  initiativeEffect?: EffectLevel | null;
  /** Accepted scientific topic or project (đề tài, đề án khoa học) and its reach; null: none. */
  topicEffect?: EffectLevel | null;
  /** Recognised combat ingenuity (mưu trí, sáng tạo trong chiến đấu) and its reach; null: none. */
  combatIngenuityEffect?: EffectLevel | null;
  /** Heaviest discipline of the person, or of any member of the collective. */
  discipline?: DisciplineLevel;
  memberCount?: number;
  membersWithTitle?: Partial<Record<TitleCode, number>>;
  membersCompletingTasks?: number;
  /** The collective's emulation is regular, practical and effective (TTLĐXS). */
  activeEmulation?: boolean;
  /** The collective is united internally (TTLĐXS). */
  internalUnity?: boolean;
  /** Leading unit (dẫn đầu) of its khối/cụm this year. */
  isGroupLeader?: boolean;
  /** Art. 25.1: outstanding among the leading units of khối/cụm. */
  outstandingAmongLeaders?: boolean;
  /** Art. 25.2: leader of a khối/cụm organised by a central body. */
  leadsCentralGroup?: boolean;
  /** Art. 25.3: leader of a movement launched by the Prime Minister for 5 years or more. */
  leadsPrimeMinisterMovement?: boolean;
  assessedAt?: Date;
}

/** One answered check of "Am I eligible?". `known: false` means the bot lacks the fact. */
export interface EligibilityCheck {
  code: string;
  passed: boolean;
  known: boolean;
  citation: string;
  /** False when the rule's source could not be confirmed as current law: say so with the answer. */
  verified: boolean;
  /** The thresholds and figures, for the rendered sentence ("5/8 = 62 % < 70 %"). */
  params: Record<string, string | number>;
}

/** Result of {@link explainEligibility}: eligible is null while some fact is unknown. */
export interface EligibilityAnswer {
  title: TitleCode;
  policyVersion: string;
  eligible: boolean | null;
  checks: EligibilityCheck[];
}

type Verdict = { known: boolean; passed: boolean; params: Record<string, string | number> };
const unknown = (params: Record<string, string | number> = {}): Verdict => ({ known: false, passed: false, params });
const verdict = (passed: boolean, params: Record<string, string | number> = {}): Verdict => ({ known: true, passed, params });

function share(part: number | undefined, whole: number | undefined, min: number): Verdict {
  if (part === undefined || whole === undefined || whole <= 0) return unknown({ min });
  return verdict(part / whole >= min, { part, whole, min });
}

function evaluate(p: Precondition, f: EligibilityFacts, depth: number): Verdict {
  switch (p.kind) {
    case 'TASK_RATING_AT_LEAST':
      if (!f.taskRating) return unknown({ min: p.rating });
      return verdict(RATING_RANK[f.taskRating] >= RATING_RANK[p.rating], { min: p.rating, actual: f.taskRating });
    case 'MIN_MONTHS_BEFORE_YEAR_END': {
      if (!f.recruitedAt) return verdict(true, { months: p.months });
      const r = localParts(f.recruitedAt);
      const plus = addMonthsClamped(r.y, r.m, r.d, p.months);
      const cutoff = localDate(f.year + 1, 1, 1);
      return verdict(localDate(plus.y, plus.m, plus.d).getTime() <= cutoff.getTime(), { months: p.months });
    }
    case 'HOLDS_TITLE_THIS_YEAR': {
      if (f.heldTitles?.some((h) => h.title === p.title && h.year === f.year)) return verdict(true, { title: p.title });
      if (depth > 2) return unknown({ title: p.title });
      const inner = explainEligibility(p.title, f, depth + 1);
      if (inner.eligible === null) return unknown({ title: p.title });
      return verdict(inner.eligible, { title: p.title });
    }
    case 'ONE_BASIS_OF': {
      const reaches = (effect: EffectLevel | null | undefined): Verdict =>
        effect === undefined ? unknown() : verdict(effect !== null && EFFECT_RANK[effect] >= EFFECT_RANK[p.level]);
      const results: Verdict[] = p.bases.map((b) => {
        if (b === 'EXCELLENT_RATING') return f.taskRating ? verdict(f.taskRating === 'EXCELLENT') : unknown();
        if (b === 'INITIATIVE') return reaches(f.initiativeEffect);
        if (b === 'TOPIC') return reaches(f.topicEffect);
        return reaches(f.combatIngenuityEffect);
      });
      const params = { level: p.level };
      if (results.some((r) => r.passed)) return verdict(true, params);
      return results.every((r) => r.known) ? verdict(false, params) : unknown(params);
    }
    case 'CONSECUTIVE_TITLES': {
      if (!f.heldTitles) return unknown({ title: p.title, years: p.years });
      const years = new Set(f.heldTitles.filter((h) => h.title === p.title).map((h) => h.year));
      // The run may end this year or, while this year's title is still being decided, last year.
      const runEndingAt = (last: number): number => {
        let run = 0;
        for (let y = last; years.has(y); y--) run++;
        return run;
      };
      const run = Math.max(runEndingAt(f.year), runEndingAt(f.year - 1));
      return verdict(run >= p.years, { title: p.title, years: p.years, actual: run });
    }
    case 'MEMBER_TITLE_SHARE_AT_LEAST':
      return share(f.membersWithTitle?.[p.title], f.memberCount, p.share);
    case 'MEMBER_COMPLETION_SHARE_AT_LEAST':
      return share(f.membersCompletingTasks, f.memberCount, p.share);
    case 'MEMBER_TITLE_COUNT_AT_LEAST': {
      const n = f.membersWithTitle?.[p.title];
      if (n === undefined) return unknown({ title: p.title, min: p.count });
      return verdict(n >= p.count, { title: p.title, min: p.count, actual: n });
    }
    case 'NO_DISCIPLINE_AT_OR_ABOVE':
      if (!f.discipline) return unknown({ level: p.level });
      return verdict(DISCIPLINE_RANK[f.discipline] < DISCIPLINE_RANK[p.level], { level: p.level, actual: f.discipline });
    case 'CONFIRMED_ANY_OF': {
      const values = p.facts.map((name) => f[name]);
      if (values.some((v) => v === true)) return verdict(true);
      return values.every((v) => v === false) ? verdict(false) : unknown();
    }
    case 'ASSESSED_BY': {
      const params = { day: p.day, month: p.month };
      if (!f.assessedAt) return unknown(params);
      return verdict(f.assessedAt.getTime() <= localDate(f.year, p.month, p.day, 23, 59).getTime() + 59_999, params);
    }
  }
}

/**
 * Answer "Am I eligible?" (Tôi có đủ điều kiện không?): every precondition of the title with
 * whether it passed, whether the bot knew the fact, the figures and the article it comes from —
 * cuts made without a stated basis cause disputes. Facts the bot lacks give `known: false` and
 * make `eligible` null rather than a guess.
 *
 * @example explainEligibility('LDTT', { year: 2025, taskRating: 'GOOD' }).eligible === true
 */
export function explainEligibility(title: TitleCode, facts: EligibilityFacts, depth = 0): EligibilityAnswer {
  const policy = TITLE_POLICY[title];
  const checks = policy.preconditions.map((p): EligibilityCheck => {
    const v = evaluate(p, facts, depth);
    return { code: p.code, passed: v.known && v.passed, known: v.known, citation: p.citation, verified: p.verified, params: v.params };
  });
  const eligible = checks.some((c) => c.known && !c.passed) ? false : checks.every((c) => c.known) ? true : null;
  return { title, policyVersion: POLICY_VERSION, eligible, checks };
}

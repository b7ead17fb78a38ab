/**
 * Campaigns whose content does not fit one Telegram message: 40 and 25 content lines of about
 * 170 characters. The fake Bot API refuses what Telegram refuses (4,096 characters after parsing,
 * broken HTML, 100 buttons, 64-byte callback data), so each step below proves the bot splits or
 * pages instead of failing: upload, preview, launch, registration with every line answered,
 * "existing registration", /my, the report flow's content tree, and the officer's lists.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, seedUnits, type Harness } from '../support/app-harness.js';
import { joined, UNITS } from '../support/conversation-fixtures.js';
import type { SimulatedUser } from '../support/simulated-user.js';
import { addLocalDays, formatDate } from '../../src/domain/dates.js';
import { parseCampaignFile } from '../../src/domain/campaign-file.js';

/** A content line title of about 170 characters, numbered so a test can find each one. */
export function longLine(i: number): string {
  return `Nội dung số ${i} — đẩy mạnh chuyển đổi số trong cải cách hành chính, nâng cao chất lượng phục vụ người dân và doanh nghiệp, xây dựng chính quyền điện tử tại cơ sở`;
}

/**
 * A campaign file with `lines` long content lines: NUMBER, YES_NO and TEXT in turn. Unquoted, each
 * title's commas split it in YAML's flow mapping: the bot rejoins it and warns once per line.
 */
export function longCampaignYaml(code: string, lines: number, opts: { quoted: boolean }, now = new Date()): string {
  const d = (n: number) => formatDate(addLocalDays(now, n));
  const criteria = Array.from({ length: lines }, (_, k) => {
    const i = k + 1;
    const measure = i % 3 === 1 ? 'NUMBER, unit: công trình' : i % 3 === 2 ? 'YES_NO' : 'TEXT';
    const title = opts.quoted ? `"${longLine(i)}"` : longLine(i);
    return `  - { code: L${i}, title: ${title}, measure: ${measure} }`;
  }).join('\n');
  return `
code: ${code}
title: Phong trào thi đua chuyển đổi số ${code} với tên rất dài để thử giới hạn tin nhắn của Telegram
slogan: Đổi mới, sáng tạo, phục vụ nhân dân
kind: THEMATIC
starts: ${d(-30)}
ends: ${d(200)}
titles:
  individual: [LDTT, CSTDCS]
criteria:
${criteria}
milestones:
  - { kind: REGISTRATION, due: "${d(10)} 17:00" }
  - { kind: PROGRESS_REPORT, due: "${d(5)} 17:00" }
`;
}

/** The plain text of every bot message a user received since `from`, joined. */
function textsSince(user: SimulatedUser, from: number): string {
  return user.messages
    .filter((m) => m.message_id > from)
    .map((m) => m.text ?? m.caption ?? '')
    .join('\n');
}

const lastId = (user: SimulatedUser): number => user.messages[user.messages.length - 1]?.message_id ?? 0;

/** Answers every content line of the registration flow: a number, "có" or a text. */
async function answerAllLines(user: SimulatedUser, total: number): Promise<void> {
  for (let i = 1; i <= total; i += 1) {
    await user.waitFor(new RegExp(`Nội dung thi đua ${i}/${total}: .*Nội dung số ${i} —`));
    user.send(i % 3 === 1 ? String(i * 10) : i % 3 === 2 ? 'có' : `Cam kết riêng cho nội dung ${i}`);
  }
}

describe.each([
  [40, false],
  [25, true],
])('a campaign with %i content lines of ~170 characters (titles quoted: %s)', (lines, quoted) => {
  let h: Harness;
  let officer: SimulatedUser;
  let member: SimulatedUser;
  /** Bot API calls the fake refused in these chats (Telegram would have refused them too). */
  let mark = 0;
  const errors = (): string[] =>
    [officer, member].flatMap((u) => u.events.filter((e) => e.kind === 'error' && e.seq > mark).map((e) => e.error ?? ''));
  beforeEach(() => {
    mark = Math.max(0, ...[officer, member].flatMap((u) => u.events.map((e) => e.seq)));
  });
  const code = `dai-${lines}`;

  beforeAll(async () => {
    h = await startHarness({ storage: 'postgres', redis: true });
    await seedUnits(h.app, UNITS);
    officer = h.fake.user({ firstName: 'Hạnh' });
    await joined(h, officer, 'Lê Thị Hạnh', 'OFFICER');
    member = h.fake.user({ firstName: 'Lan' });
    await joined(h, member, 'Nguyễn Thị Lan');
  }, 60_000);
  afterAll(() => h?.close());

  it('uploads, shows every line to the officer, previews and launches', async () => {
    const from = lastId(officer);
    officer.sendDocument({ fileName: `${code}.yaml`, mimeType: 'application/x-yaml', content: Buffer.from(longCampaignYaml(code, lines, { quoted })) });
    await officer.waitFor(/Đã lưu dự thảo phong trào/);
    const manage = await officer.waitFor(/Hạn đăng ký|Các mốc/);
    expect(officer.buttons(manage)).toContain('🚀 Phát động');
    const shown = textsSince(officer, from);
    for (let i = 1; i <= lines; i += 1) expect(shown).toContain(`Nội dung số ${i} —`);
    // Every warning is shown (one per unquoted title), however many messages it takes.
    expect(shown.split('đã ghép lại').length - 1).toBe(quoted ? 0 : lines);

    officer.press('🚀 Phát động');
    const confirm = await officer.waitFor(/Sẽ gửi tới 2 người nhận/);
    const preview = officer.messages.filter((m) => m.message_id < confirm.message_id).pop()!;
    expect(preview.text!.length).toBeLessThanOrEqual(4096);
    expect(preview.text).toContain('Nội dung số 1 —');
    officer.press('✔ Xác nhận phát động');
    await officer.waitFor(/Đã phát động/);
    const announcement = await member.waitFor(/chuyển đổi số dai-/, { timeoutMs: 20_000 });
    expect(announcement.text).toBe(preview.text);
    expect(errors()).toEqual([]);
  });

  it('registers with every line answered: the summary and the "existing registration" screen show them all', async () => {
    member.send('/register');
    await member.waitFor(/Chọn danh hiệu/);
    member.press('Lao động tiên tiến');
    await answerAllLines(member, lines);
    const from0 = lastId(member);
    await waitForButton(member, /^✔ Xác nhận$/);
    const summary = textsSince(member, from0);
    expect(summary).toContain('Đăng ký thi đua — ');
    for (let i = 1; i <= lines; i += 1) expect(summary).toContain(`Nội dung số ${i} —`);
    member.press('✔ Xác nhận');
    await member.waitFor(/Đã ghi nhận đăng ký danh hiệu Lao động tiên tiến/);
    const reg = await h.app.services.prisma.registration.findFirstOrThrow({ where: { campaign: { code } }, include: { commitments: true } });
    expect(reg.commitments).toHaveLength(lines);

    const from = lastId(member);
    member.send('/register');
    await waitForButton(member, /Sửa đăng ký/);
    const existing = textsSince(member, from);
    expect(existing).toContain('Đồng chí đã đăng ký');
    for (let i = 1; i <= lines; i += 1) expect(existing).toContain(`Nội dung số ${i} —`);
    expect(member.buttons()).toContain('✏️ Sửa đăng ký');
    member.send('/cancel');
    await member.waitFor(/Đã hủy/);

    const my = lastId(member);
    member.send('/my');
    await member.waitFor(/Báo cáo đã gửi/);
    const status = textsSince(member, my);
    expect(status).toContain('Tình hình thi đua');
    expect(status).toContain(`Nội dung số ${lines} —`);
    expect(status).toContain(`Cam kết riêng cho nội dung 3`);
    expect(errors()).toEqual([]);
  });

  it('reports on the last content line, reached through the paged buttons', async () => {
    const from = lastId(member);
    member.send('/report');
    await waitForButton(member, /^1\. Nội dung số 1 —/);
    const tree = textsSince(member, from);
    for (let i = 1; i <= lines; i += 1) expect(tree).toContain(`Nội dung số ${i} —`);
    let labels = member.buttons();
    expect(labels.length).toBeLessThanOrEqual(100);
    // Twenty lines a page, with the page buttons under them (a screen of 40 long labels is unusable).
    expect(labels.filter((l) => /^\d+\. Nội dung số/.test(l))).toHaveLength(20);
    expect(labels).toContain('Trang sau ›');
    while (!labels.some((l) => l.startsWith(`${lines}. `))) {
      const next = labels.find((l) => /›$/.test(l));
      expect(next, `no next page among ${labels.join(' | ')}`).toBeDefined();
      const before = labels.join('|');
      member.press(next!);
      for (let i = 0; i < 250 && member.buttons().join('|') === before; i += 1) await new Promise((r) => setTimeout(r, 20));
      labels = member.buttons();
    }
    member.press(new RegExp(`^${lines}\\. Nội dung số ${lines} —`));
    await member.waitFor(new RegExp(`Nội dung số ${lines} —`));
    const measure = lines % 3 === 1 ? 'number' : lines % 3 === 2 ? 'yes' : 'text';
    member.send(measure === 'number' ? '12' : measure === 'yes' ? 'có' : 'Đã triển khai');
    await member.waitFor(/Ghi chú thêm/);
    member.press('⏭ Bỏ qua');
    await member.waitFor(/Gửi ảnh hoặc tệp minh chứng/);
    member.send('xong');
    await member.waitFor(/Báo cáo tiến độ — /);
    member.press('✔ Xác nhận');
    await member.waitFor(new RegExp(`Đã ghi nhận báo cáo “Nội dung số ${lines} —`));
    expect(errors()).toEqual([]);
  });
});

/**
 * Waits until a button labelled like `label` is on screen: a prompt whose text comes in several
 * messages carries its keyboard on the last one, so waiting for the first part is not enough.
 */
async function waitForButton(user: SimulatedUser, label: RegExp): Promise<void> {
  for (let i = 0; i < 250; i += 1) {
    if (user.buttons().some((b) => label.test(b))) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no button ${String(label)} among ${user.buttons().join(' | ')}:\n${user.describeSinceAction()}`);
}

describe("an officer's /campaigns with 30 campaigns of long titles", () => {
  let h: Harness;
  let officer: SimulatedUser;

  beforeAll(async () => {
    h = await startHarness({ storage: 'postgres', redis: true });
    await seedUnits(h.app, UNITS);
    officer = h.fake.user({ firstName: 'Hạnh' });
    await joined(h, officer, 'Lê Thị Hạnh', 'OFFICER');
    const unit = (await h.app.services.units.byCode('DONGKHOI'))!;
    for (let i = 1; i <= 30; i += 1) {
      const parsed = parseCampaignFile(longCampaignYaml(`ds-${i}`, 1, { quoted: true }).replace(/^title: .*$/m, `title: Phong trào số ${i} — ${longLine(i)}`), 'yaml');
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const created = await h.app.services.campaigns.createFromDraft(parsed.campaign, { ownerUnitId: unit.id });
      if (!created.ok) throw new Error(created.reason);
    }
  }, 60_000);
  afterAll(() => h?.close());

  it('pages the list ten at a time, numbers running on, and opens a campaign from the last page', async () => {
    officer.send('/campaigns');
    const list = await officer.waitFor(/Phong trào trong phạm vi của đồng chí/);
    expect(list.text!.length).toBeLessThanOrEqual(4096);
    expect(officer.buttons(list)).toHaveLength(10 + 2);
    expect(officer.buttons(list).slice(-2)).toEqual(['1/3', 'Trang sau ›']);
    const seen = new Set<string>();
    const collect = () => {
      for (const m of (officer.messages.find((x) => x.message_id === list.message_id)?.text ?? '').matchAll(/Phong trào số (\d+) —/g)) seen.add(m[1]!);
    };
    collect();
    for (const page of [2, 3]) {
      officer.press('Trang sau ›', { inMessage: list });
      await officer.waitFor(new RegExp(`^${(page - 1) * 10 + 1}\\. `, 'm'));
      collect();
    }
    expect(seen.size).toBe(30);
    expect(officer.buttons(list).slice(-2)).toEqual(['‹ Trang trước', '3/3']);
    officer.press(/^30\. /, { inMessage: list });
    await officer.waitFor(/Dự thảo · mã ds-/);
    expect(officer.events.filter((e) => e.kind === 'error')).toEqual([]);
  });
});

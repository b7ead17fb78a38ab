/**
 * Campaign authoring and launch against a real PostgreSQL: importing the example files, scope of
 * the audience, counting the audience, and the launch's outbox rows (exactly once).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../src/services/index.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import type { Member } from '../../src/generated/prisma/client.js';

const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');
const NOW = new Date('2026-11-20T03:00:00Z');

describe('campaign service (PostgreSQL)', () => {
  let t: TestDatabase;
  let s: Services;
  let admin: Member;
  let officer: Member;
  let members: Member[];

  beforeAll(async () => {
    t = await createTestDatabase();
    s = createServices(t.db.prisma, { adminIds: ['1'], defaultLocale: 'vi', now: () => NOW });
    const imported = await s.units.importUnits(
      [
        { code: 'BENTRE', name: 'UBND tỉnh Bến Tre', line: 2 },
        { code: 'GIONGTROM', name: 'Huyện Giồng Trôm', parent: 'BENTRE', line: 3, group: 'KHOI_MTTQ' },
        { code: 'DONGKHOI', name: 'Xã Đồng Khởi', parent: 'GIONGTROM', line: 4 },
        { code: 'SOGD', name: 'Sở Giáo dục', parent: 'BENTRE', line: 5 },
      ],
      [{ code: 'KHOI_MTTQ', name: 'Khối MTTQ và các đoàn thể', kind: 'BLOCK', line: 2 }],
    );
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const unit = async (code: string) => (await s.units.byCode(code))!.id;
    admin = await s.members.touch({ channel: 'TELEGRAM', externalId: String(1), firstName: 'Admin' });
    const mk = async (id: number, unitCode: string, name: string, locale = 'vi') => {
      const m = await s.members.touch({ channel: 'TELEGRAM', externalId: String(id), firstName: name, languageCode: locale });
      await s.members.setUnit(m.id, await unit(unitCode));
      return s.members.setName(m.id, name);
    };
    officer = await s.members.setRole((await mk(100, 'GIONGTROM', 'Cán bộ Huyện')).id, 'OFFICER');
    members = [];
    for (let i = 0; i < 6; i++) members.push(await mk(200 + i, i < 4 ? 'DONGKHOI' : 'GIONGTROM', `Thành viên ${i}`, i === 0 ? 'en' : 'vi'));
    await mk(300, 'SOGD', 'Người ngoài phạm vi');
    // Joined without a name yet: not in the audience.
    const half = await s.members.touch({ channel: 'TELEGRAM', externalId: String(301), firstName: 'Half' });
    await s.members.setUnit(half.id, await unit('DONGKHOI'));
    await s.groupChats.link({ chatId: '-5001', title: 'Nhóm xã Đồng Khởi', unitId: await unit('DONGKHOI'), linkedById: officer.id });
    await s.groupChats.link({ chatId: '-5002', title: 'Nhóm Sở GD', unitId: await unit('SOGD'), linkedById: admin.id });
  }, 60_000);
  afterAll(() => t?.drop());

  it.each(['dong-khoi-moi-2020-2025.yaml', 'chao-mung-dai-hoi-dang-2025-2030.yaml', 'khoi-mttq-doan-the-2020.yaml'])(
    'imports the example %s as it is, as a DRAFT owned by the admin',
    async (name) => {
      const r = await s.campaigns.importFile({ text: example(name), format: 'yaml', actor: admin });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) return;
      const c = await s.campaigns.byId(r.campaign.id);
      expect(c?.status).toBe('DRAFT');
      expect(c?.criteria.length).toBeGreaterThan(0);
    },
  );

  it('asks for another code when the code is taken, and accepts the same file under a new code', async () => {
    const taken = await s.campaigns.importFile({ text: example('dong-khoi-moi-2020-2025.yaml'), format: 'yaml', actor: officer });
    expect(taken).toMatchObject({ ok: false, reason: 'code_taken', code: 'dong-khoi-moi' });
    const bad = await s.campaigns.importFile({ text: example('dong-khoi-moi-2020-2025.yaml'), format: 'yaml', actor: officer, code: 'Xấu' });
    expect(bad).toMatchObject({ ok: false, reason: 'code_invalid' });
    const renamed = await s.campaigns.importFile({ text: example('dong-khoi-moi-2020-2025.yaml'), format: 'yaml', actor: officer, code: 'dong-khoi-giong-trom' });
    expect(renamed.ok && renamed.campaign).toMatchObject({ code: 'dong-khoi-giong-trom', ownerUnitId: officer.unitId });
  });

  it('replaces a DRAFT when its officer uploads a file with the same code again', async () => {
    const text = example('dong-khoi-moi-2020-2025.yaml').replace('code: dong-khoi-moi', 'code: dk-replace');
    const first = await s.campaigns.importFile({ text, format: 'yaml', actor: officer });
    const second = await s.campaigns.importFile({ text: text.replace('kind: THEMATIC', 'kind: REGULAR'), format: 'yaml', actor: officer });
    expect(first.ok && second.ok && second.replaced).toBe(true);
    expect((await s.campaigns.byCode('dk-replace'))?.kind).toBe('REGULAR');
  });

  it('refuses an audience outside the officer’s subtree and saves nothing', async () => {
    const text = example('dong-khoi-moi-2020-2025.yaml').replace('code: dong-khoi-moi', 'code: dk-scope').replace('kind: THEMATIC', 'kind: THEMATIC\naudience: { units: [DONGKHOI, SOGD] }');
    const r = await s.campaigns.importFile({ text, format: 'yaml', actor: officer });
    expect(r).toMatchObject({ ok: false, reason: 'audience_out_of_scope', codes: ['SOGD'] });
    expect(await s.campaigns.byCode('dk-scope')).toBeNull();
    const asAdmin = await s.campaigns.importFile({ text, format: 'yaml', actor: admin });
    expect(asAdmin.ok).toBe(true);
  });

  it('saves nothing from a file with 31/02/2025 and names the path', async () => {
    const text = example('chao-mung-dai-hoi-dang-2025-2030.yaml').replace('"15/01/2025 17:00"', '"31/02/2025 17:00"').replace(/^code: .*$/m, 'code: bad-date');
    const r = await s.campaigns.importFile({ text, format: 'yaml', actor: officer });
    expect(r.ok).toBe(false);
    if (r.ok || r.reason !== 'invalid') throw new Error('expected invalid');
    expect(r.errors).toContainEqual({ path: 'milestones[2].due', code: 'date_invalid', params: { value: '31/02/2025 17:00' } });
    expect(await s.campaigns.byCode('bad-date')).toBeNull();
  });

  it('counts the audience: named members of the subtree, plus linked groups', async () => {
    const c = (await s.campaigns.byCode('dong-khoi-giong-trom'))!;
    expect(await s.campaigns.audienceCount(c.id)).toEqual({ members: 7, groups: 1 });
    const members = await s.campaigns.audienceMembers(c.id);
    expect(members.map((m) => m.fullName)).not.toContain('Người ngoài phạm vi');
  });

  it('launches once: one delivery per member and group, the announcement as data; a second launch creates none', async () => {
    const c = (await s.campaigns.byCode('dong-khoi-giong-trom'))!;
    const r = await s.campaigns.launch({ campaignId: c.id, actor: officer, progressChatId: '100' });
    expect(r).toMatchObject({ ok: true, total: 8, members: 7, groups: 1 });
    const rows = await t.db.prisma.delivery.findMany({ where: { broadcast: { campaignId: c.id } }, orderBy: { id: 'asc' } });
    expect(rows).toHaveLength(8);
    expect(rows.filter((d) => d.groupChatId !== null).map((d) => d.chatId)).toEqual(['-5001']);
    const english = rows.find((d) => d.chatId === '200');
    // Rendered at send time in each recipient's language: the row holds the campaign's values and the action.
    expect(english?.payload).toMatchObject({ key: 'out-launch', vars: { title: c.title }, actions: [[{ kind: 'register', campaignCode: c.code }]] });
    expect(rows.every((d) => /^launch:\d+:(m|g):\d+$/.test(d.dedupeKey))).toBe(true);
    expect((await s.campaigns.byId(c.id))?.status).toBe('LAUNCHED');

    const again = await s.campaigns.launch({ campaignId: c.id, actor: officer, progressChatId: '100' });
    expect(again).toEqual({ ok: false, reason: 'not_draft' });
    expect(await t.db.prisma.delivery.count({ where: { broadcast: { campaignId: c.id } } })).toBe(8);
    const audit = await s.audit.recent({ action: 'campaign.launch' });
    expect(audit[0]).toMatchObject({ actorId: officer.id, target: `campaign:${c.id}` });
  });

  it('shows the launched campaign to members of the audience units only', async () => {
    const dk = (await s.units.byCode('DONGKHOI'))!;
    const sogd = (await s.units.byCode('SOGD'))!;
    expect((await s.campaigns.activeForUnit(dk.id)).map((c) => c.code)).toContain('dong-khoi-giong-trom');
    expect((await s.campaigns.activeForUnit(sogd.id)).map((c) => c.code)).not.toContain('dong-khoi-giong-trom');
  });

  it('sends a follow-up announcement to the same audience, and a retry of the same confirmation adds nothing', async () => {
    const c = (await s.campaigns.byCode('dong-khoi-giong-trom'))!;
    const first = await s.campaigns.announce({ campaignId: c.id, actor: officer, text: 'Cập nhật', progressChatId: '100', nonce: 'n1' });
    const retry = await s.campaigns.announce({ campaignId: c.id, actor: officer, text: 'Cập nhật', progressChatId: '100', nonce: 'n1' });
    expect(first).toMatchObject({ ok: true, total: 8 });
    expect(retry).toMatchObject({ ok: true, total: 0 });
  });

  it('edits only drafts, keeps milestones inside a new period, closes and archives', async () => {
    const launched = (await s.campaigns.byCode('dong-khoi-giong-trom'))!;
    expect(await s.campaigns.editDraft(launched.id, officer, { title: 'Mới' })).toEqual({ ok: false, reason: 'not_draft' });
    const draft = (await s.campaigns.byCode('dk-replace'))!;
    expect(await s.campaigns.editDraft(draft.id, officer, { endsAt: new Date('2025-06-30T00:00:00+07:00') })).toEqual({ ok: false, reason: 'milestone_outside_period' });
    const edited = await s.campaigns.editDraft(draft.id, officer, { title: 'Đồng khởi mới – Giồng Trôm', slogan: null });
    expect(edited.ok && edited.campaign).toMatchObject({ title: 'Đồng khởi mới – Giồng Trôm', slogan: null });
    expect(await s.campaigns.archive(launched.id, officer)).toEqual({ ok: false, reason: 'not_draft' });
    expect(await s.campaigns.close(launched.id, officer)).toEqual({ ok: true });
    expect(await s.campaigns.archive(launched.id, officer)).toEqual({ ok: true });
    expect((await s.campaigns.listForOfficer(officer)).map((c) => c.code)).not.toContain('dong-khoi-giong-trom');
  });

  it('does not let an officer manage a campaign of the admins or another subtree', async () => {
    const adminCampaign = (await s.campaigns.byCode('dong-khoi-moi'))!;
    expect(await s.campaigns.canManage(officer, adminCampaign)).toBe(false);
    expect(await s.campaigns.launch({ campaignId: adminCampaign.id, actor: officer, progressChatId: null })).toEqual({
      ok: false,
      reason: 'out_of_scope',
    });
  });
});

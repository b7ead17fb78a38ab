import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { createServices, type Services } from '../../src/services/index.js';
import { parseUnitsFile } from '../../src/domain/units-file.js';
import { telegramIdentity } from '../support/identities.js';

describe('units and members services (PostgreSQL)', () => {
  let t: TestDatabase;
  let s: Services;
  beforeAll(async () => {
    t = await createTestDatabase();
    s = createServices(t.db.prisma, { adminIds: ['555', 'zalo:z-555'], defaultLocale: 'vi' });
  });
  afterAll(() => t?.drop());

  it('imports a tree, then moves a unit and its whole subtree when a later file changes its parent', async () => {
    const first = parseUnitsFile('code,name,parent\nT,Tỉnh,\nH1,Huyện 1,T\nH2,Huyện 2,T\nX,Xã X,H1\nTH,Thôn X1,X\n', 'csv');
    expect(first.ok && (await s.units.importUnits(first.units, first.groups))).toMatchObject({ ok: true, created: 5 });
    const moved = parseUnitsFile('code,name,parent\nX,Xã X (mới),H2\n', 'csv');
    expect(moved.ok && (await s.units.importUnits(moved.units, moved.groups))).toMatchObject({ ok: true, created: 0, updated: 1 });
    const [h2, x, thon] = await Promise.all([s.units.byCode('H2'), s.units.byCode('X'), s.units.byCode('TH')]);
    expect(x!.name).toBe('Xã X (mới)');
    expect(await s.units.inSubtree(h2!.id, thon!.id)).toBe(true);
    expect(await s.units.inSubtree((await s.units.byCode('H1'))!.id, thon!.id)).toBe(false);
    expect(await s.units.breadcrumb(thon!)).toEqual(['Tỉnh', 'Huyện 2', 'Xã X (mới)', 'Thôn X1']);
  });

  it('refuses to move a unit below its own descendant, and names an unknown parent, saving nothing', async () => {
    const bad = parseUnitsFile('code,name,parent\nH2,Huyện 2,TH\nNEW,Mới,NOPE\n', 'csv');
    const result = bad.ok && (await s.units.importUnits(bad.units, bad.groups));
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { line: 2, code: 'parent_cycle' },
        { line: 3, code: 'parent_unknown', params: { value: 'NOPE' } },
      ],
    });
    expect(await s.units.byCode('NEW')).toBeNull();
  });

  it('finds units and members by name whatever the diacritics', async () => {
    expect((await s.units.search('xa x moi')).map((u) => u.code)).toEqual(['X']);
    const m = await s.members.touch({ channel: 'TELEGRAM', externalId: String(1001), firstName: 'A' });
    await s.members.setName(m.id, 'Nguyễn Văn Đức');
    expect((await s.members.search('nguyen duc')).map((x) => x.id)).toEqual([m.id]);
  });

  it('makes ADMIN_IDS admins on first contact, speaks English to English clients, and makes a blocked member reachable when they write again', async () => {
    const admin = await s.members.touch({ channel: 'TELEGRAM', externalId: String(555), firstName: 'Admin', languageCode: 'en-US' });
    expect(admin).toMatchObject({ role: 'ADMIN', locale: 'en' });
    const member = await s.members.touch({ channel: 'TELEGRAM', externalId: String(777), firstName: 'B', languageCode: 'fr' });
    expect(member.locale).toBe('vi');
    await s.members.markUnreachable((await telegramIdentity(s.prisma, 777))!.id);
    expect((await telegramIdentity(s.prisma, 777))?.reachable).toBe(false);
    expect((await s.members.touch({ channel: 'TELEGRAM', externalId: String(777), firstName: 'B' })).id).toBe(member.id);
    expect((await telegramIdentity(s.prisma, 777))?.reachable).toBe(true);
  });

  it('gives every unit its own invite code and replaces it on rotation', async () => {
    const x = (await s.units.byCode('X'))!;
    const rotated = await s.units.rotateInvite(x.id);
    expect(rotated.inviteCode).not.toBe(x.inviteCode);
    expect(await s.units.byInviteCode(x.inviteCode)).toBeNull();
    expect((await s.units.byInviteCode(rotated.inviteCode))?.id).toBe(x.id);
  });

  it('reads ADMIN_IDS per channel: zalo:<id> makes that Zalo user an admin, and a Telegram user with the same digits is not one', async () => {
    expect(await s.members.touch({ channel: 'ZALO', externalId: 'z-555', firstName: 'Zalo admin' })).toMatchObject({ role: 'ADMIN' });
    expect(await s.members.touch({ channel: 'ZALO', externalId: '555', firstName: 'Not admin' })).toMatchObject({ role: 'MEMBER' });
    // Nobody listed is demoted at start; an admin reached only on an unlisted channel id is.
    const stray = await s.members.touch({ channel: 'ZALO', externalId: 'z-556', firstName: 'Stray' });
    await s.members.setRole(stray.id, 'ADMIN');
    expect((await s.members.demoteUnlistedAdmins()).map((m) => m.id)).toEqual([stray.id]);
  });
});

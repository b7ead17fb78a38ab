/**
 * The first run of a new bot (issue 12 #5): the first admin, on a bot with no units, is told how to
 * set it up instead of being shown an empty unit picker, and keeps a checklist (units, officers,
 * people who joined) until the setup is done — on Telegram and on Zalo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/app-harness.js';
import { FakeZalo } from '../support/fake-zalo.js';

const ADMIN_ID = 9_200_001;

const UNITS_CSV = `code,name,parent,group
TINH,UBND tỉnh Hậu Giang,,
SO_GD,Sở Giáo dục và Đào tạo,TINH,
`;

describe('the first run of an empty bot', () => {
  let h: Harness;
  let zalo: FakeZalo;
  let zaloAdmin: ReturnType<FakeZalo['user']>;
  beforeAll(async () => {
    zalo = await FakeZalo.start({ maxPollMs: 200 });
    zaloAdmin = zalo.user('Quản trị Zalo');
    h = await startHarness({
      storage: 'postgres',
      redis: true,
      adminIds: [ADMIN_ID],
      env: { ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot, ZALO_RATE: '200', ADMIN_IDS: `${ADMIN_ID},zalo:${zaloAdmin.id}` },
    });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await zalo?.close();
  });

  it('tells a member on an empty bot to ask an admin, and the admin how to set the bot up', async () => {
    const member = h.fake.user({ firstName: 'Lan' });
    member.start();
    await member.waitFor(/Chưa có đơn vị nào/);

    const admin = h.fake.user({ id: ADMIN_ID, firstName: 'Quản trị' });
    admin.start();
    const setup = await admin.waitFor(/Chào mừng quản trị viên! Bot chưa có đơn vị nào/);
    expect(setup.text).toMatch(/1\. Tạo sơ đồ đơn vị: gửi \/importunits[\s\S]*\/addunit/);
    expect(setup.text).toMatch(/3\. [\s\S]*\/grant/);
    expect(setup.text).toMatch(/4\. [\s\S]*\/invite/);
    // No picker was opened: the next text is not taken as a unit search.
    expect(admin.buttons(setup)).not.toContain('✖ Hủy');

    // The same on Zalo, for an admin listed as zalo:<id>.
    const za = zaloAdmin;
    const before = zalo.textsTo(za.id).length;
    zalo.userSays(za, 'xin chào');
    await expect.poll(() => zalo.textsTo(za.id).slice(before).join('\n'), { timeout: 10_000 }).toMatch(/Bot chưa có đơn vị nào[\s\S]*\/importunits/);
  });

  it('after the units file, shows what is left to do, until officers are named and people have joined', async () => {
    const admin = h.fake.user({ id: ADMIN_ID, firstName: 'Quản trị' });
    admin.send('/importunits');
    await admin.waitFor(/gửi tệp danh sách đơn vị/);
    admin.sendDocument({ fileName: 'units.csv', mimeType: 'text/csv', content: Buffer.from(UNITS_CSV) });
    await admin.waitFor(/Đã nhập xong: 2 đơn vị mới/);
    const list = await admin.waitFor(/Thiết lập bot:/);
    expect(list.text).toContain('✅ Đơn vị: 2');
    expect(list.text).toContain('☐ Cán bộ phụ trách thi đua: 0 — cấp quyền bằng /grant');
    expect(list.text).toContain('☐ Người đã tham gia: 0');

    // The admin joins a unit: the checklist follows the thanks.
    admin.start();
    await admin.waitFor(/Đồng chí thuộc đơn vị nào/);
    admin.press('UBND tỉnh Hậu Giang ›');
    await admin.waitFor(/Chọn đơn vị trong/);
    admin.press('✔ Chọn “UBND tỉnh Hậu Giang”');
    await admin.waitFor(/họ và tên đầy đủ/);
    admin.send('Phạm Quản Trị');
    await admin.waitFor(/Cảm ơn đồng chí Phạm Quản Trị/);
    expect((await admin.waitFor(/Thiết lập bot:/)).text).toContain('☐ Người đã tham gia: 1');

    // A member joins, the admin names them officer: the checklist is done and no longer shown.
    const school = await h.app.services.units.byCode('SO_GD');
    const thu = h.fake.user({ firstName: 'Thu' });
    thu.start(`u_${school!.inviteCode}`);
    await thu.waitFor(/họ và tên đầy đủ/);
    thu.send('Võ Thị Thu');
    await thu.waitFor(/Cảm ơn đồng chí Võ Thị Thu/);
    const thuMember = await h.app.services.members.byIdentity('TELEGRAM', String(thu.id));
    await h.app.services.members.changeRole({ actor: { id: (await h.app.services.members.byIdentity('TELEGRAM', String(ADMIN_ID)))!.id }, memberId: thuMember!.id, role: 'OFFICER' });
    admin.start();
    await admin.waitFor(/Chào mừng Phạm Quản Trị quay lại/);
    await new Promise((r) => setTimeout(r, 500));
    expect(admin.messages.at(-1)?.text ?? '').not.toMatch(/Thiết lập bot/);
  });
});

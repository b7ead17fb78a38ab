/**
 * Hostile files end to end: an alias bomb and a document nested 10,000 levels deep, sent as a
 * campaign file by an officer and as a units file by an admin, get the clear "your file is wrong"
 * answer in their language — not the generic "something went wrong" — and nothing is saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUnits, startHarness, type Harness } from '../support/app-harness.js';
import { billionLaughs, deepJson } from '../support/hostile-files.js';
import type { SimulatedUser } from '../support/simulated-user.js';

const ADMIN_ID = 9_300_001;
const GENERIC_ERROR = /đã có lỗi khi xử lý|something went wrong/;

describe('hostile files (polling, PostgreSQL)', () => {
  let h: Harness;
  let admin: SimulatedUser;
  let officer: SimulatedUser;

  beforeAll(async () => {
    h = await startHarness({ storage: 'postgres', adminIds: [ADMIN_ID] });
    await seedUnits(h.app, [{ code: 'TINH', name: 'UBND tỉnh' }]);
    admin = h.fake.user({ id: ADMIN_ID, firstName: 'Quản trị' });
    officer = h.fake.user({ firstName: 'Hạnh', languageCode: 'en' });
    const m = await h.app.services.members.touch({ channel: 'TELEGRAM', externalId: String(officer.id), firstName: 'Hạnh', languageCode: 'en' });
    await h.app.services.members.setUnit(m.id, (await h.app.services.units.byCode('TINH'))!.id);
    await h.app.services.members.setName(m.id, 'Lê Thị Hạnh');
    await h.app.services.members.setRole(m.id, 'OFFICER');
  });
  afterAll(() => h?.close());

  const noGenericError = (user: SimulatedUser) => expect(user.messages.filter((m) => GENERIC_ERROR.test(m.text ?? ''))).toEqual([]);

  it('tells the officer a campaign file nested 10,000 levels deep is too deep, in English, and saves nothing', async () => {
    officer.sendDocument({ fileName: 'plan.json', mimeType: 'application/json', content: Buffer.from(deepJson(10_000)) });
    const answer = await officer.waitFor(/nothing was saved/);
    expect(answer.text).toContain('the file is nested more than 50 levels deep (at line 1)');
    noGenericError(officer);
    expect(await h.app.db.prisma.campaign.count()).toBe(0);
  });

  it('tells the officer a YAML alias bomb is refused, and saves nothing', async () => {
    officer.sendDocument({ fileName: 'plan.yaml', mimeType: 'application/x-yaml', content: Buffer.from(billionLaughs((a) => `code: bom\ndescription: ${a}`)) });
    const answer = await officer.waitFor(/uses YAML aliases/);
    expect(answer.text).toContain('more than 100 times');
    noGenericError(officer);
    expect(await h.app.db.prisma.campaign.count()).toBe(0);
  });

  it('tells the admin a units file with an alias bomb or 10,000 levels of nesting is refused, with the line, in Vietnamese', async () => {
    admin.send('/importunits');
    await admin.waitFor(/gửi tệp danh sách đơn vị/);
    admin.sendDocument({
      fileName: 'units.yaml',
      mimeType: 'application/x-yaml',
      content: Buffer.from(billionLaughs((a) => `units:\n  - { code: A, name: ${a} }`)),
    });
    const bomb = await admin.waitFor(/chưa nhập đơn vị nào/);
    expect(bomb.text).toContain('Dòng 3: tệp dùng bí danh YAML (*tên) để lặp lại nội dung quá 100 lần');
    admin.sendDocument({ fileName: 'units.yaml', mimeType: 'application/x-yaml', content: Buffer.from(`units: []\nx: ${deepJson(10_000)}`) });
    const deep = await admin.waitFor(/lồng nhau sâu quá 50 cấp/);
    expect(deep.text).toContain('Dòng 2: tệp lồng nhau sâu quá 50 cấp');
    noGenericError(admin);
    expect(await h.app.db.prisma.unit.count()).toBe(1);
  });
});

import axios from 'axios';
import { dashboardApp } from '../support/app-modules';
import { ADMIN_TOKEN, ConsoleHarness } from '../support/console-harness';
import { launchChromium } from '../support/headless-chromium';
import { eventually } from '../support/wait';
import { publish } from '../support/kafka-client';
import { HOAN_KIEM } from '../support/kpi-harness';
import { motcuaEvent } from '../support/lifecycles';

jest.setTimeout(150_000);

/** One citizen, in clear: none of these may reach a viewer, in any form the API answers. */
const CITIZEN = {
  name: 'Võ Thị Cúc',
  id: '038190001228',
  birthDate: '1990-03-15',
  phone: '0912345678',
  email: 'cuc.vo@example.vn',
};
const CLEAR = [
  CITIZEN.name,
  'Cúc',
  CITIZEN.id,
  CITIZEN.birthDate,
  '15/03/1990',
  CITIZEN.phone,
  CITIZEN.email,
];

const clearIn = (answer: unknown) => CLEAR.filter((value) => JSON.stringify(answer).includes(value));

/** The console and the KPI dashboard over the whole flow, in one isolated run. */
class PersonalDataHarness extends ConsoleHarness {
  dashboardUrl = '';

  async startDashboard(): Promise<void> {
    this.dashboardUrl = (await this.launch('dashboard', dashboardApp(this.env()))).url!;
  }
}

/** A motcua event of a dossier received three days ago and due yesterday (so overdue now), whose applicant is CITIZEN. */
const overdueEvent = (code: string, version: number, trangThai: string) =>
  motcuaEvent(
    code,
    {
      loai: 'CONG_DAN',
      hoTen: CITIZEN.name,
      soDinhDanh: CITIZEN.id,
      ngaySinh: CITIZEN.birthDate,
      dienThoai: CITIZEN.phone,
      email: CITIZEN.email,
    },
    { version, trangThai, receivedMs: Date.now() - 3 * 86_400_000, dueMs: Date.now() - 86_400_000 },
  );

/** A hotich (XML) event its hub refuses (an unknown status), about the same citizen. */
function refusedHotichEvent(code: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<SuKienHoSo xmlns="urn:hotich:sukien:1"><MaSuKien>${code}-x</MaSuKien><ThoiDiem>01/12/2026 09:00</ThoiDiem><SoThuTu>1</SoThuTu><HoSo><SoHoSo>${code}</SoHoSo><LoaiViec ma="1.001193.H26.12.03">Đăng ký khai sinh</LoaiViec><CoQuan maDinhDanh="H26.12.03">UBND quận Hoàn Kiếm</CoQuan><NguoiYeuCau><HoTen>${CITIZEN.name}</HoTen><GiayTo loai="CCCD">${CITIZEN.id}</GiayTo><NgaySinh>15/03/1990</NgaySinh></NguoiYeuCau><HinhThucNop>2</HinhThucNop><NgayNhan>01/12/2026 08:00</NgayNhan><HanTra>10/12/2026</HanTra><TinhTrang>99</TinhTrang></HoSo></SuKienHoSo>`;
}

/**
 * Citizens' personal data by role and by need, on the real broker and PostgreSQL: a viewer sees dead
 * letters (JSON and XML), a trace and the dashboard's overdue list with personal data masked; an
 * operator with pii:read reveals one dossier for a stated reason, and the read is audited first.
 */
describe('personal data in the console and the dashboard', () => {
  let sut: PersonalDataHarness;
  let viewer: string;
  let operator: string;
  let investigator: string;
  const code = `${HOAN_KIEM.maDinhDanh}-261201-${String(Date.now() % 10_000).padStart(4, '0')}`;
  const hotichCode = `H26.12.03-261201-${String((Date.now() + 1) % 10_000).padStart(4, '0')}`;

  beforeAll(async () => {
    sut = new PersonalDataHarness();
    await sut.start();
    await sut.startConsole();
    await sut.startDashboard();
    viewer = await sut.token('viewer');
    operator = await sut.token('operator');
    const made = await sut
      .api(ADMIN_TOKEN)
      .post('/tokens', { name: `investigator-${sut.id}`, role: 'operator', scopes: ['pii:read'] });
    expect(made.status).toBe(201);
    investigator = made.data.token;

    await publish(sut.topics.source('motcua'), [
      { key: code, value: JSON.stringify(overdueEvent(code, 1, 'MOI')) },
      { key: code, value: JSON.stringify(overdueEvent(code, 2, 'DA_TIEP_NHAN')) },
      // Refused by the hub: a dead letter holding the citizen's whole record.
      { key: code, value: JSON.stringify(overdueEvent(code, 3, 'KHONG_CO_TRANG_THAI_NAY')) },
    ]);
    await publish(sut.topics.source('hotich'), [{ key: hotichCode, value: refusedHotichEvent(hotichCode) }]);
    await eventually(
      () => sut.portal.lookup(code),
      (record) => record?.TrangThaiHoSo === '2',
      60_000,
    );
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('shows a viewer dead letters, JSON and XML, masked: no bytes, no clear personal data', async () => {
    const api = sut.api(viewer);
    const letters = await eventually(
      () => api.get('/dead-letters', { params: { stage: 'hub' } }).then(({ data }) => data.deadLetters),
      (found) => found?.length >= 2,
      60_000,
    );
    expect(clearIn(letters)).toEqual([]);
    const motcua = letters.find((letter: { sourceSystem: string }) => letter.sourceSystem === 'motcua');
    const hotich = letters.find((letter: { sourceSystem: string }) => letter.sourceSystem === 'hotich');

    const { data: json } = await api.get(`/dead-letters/${motcua.id}`);
    expect(clearIn(json)).toEqual([]);
    expect(json).not.toHaveProperty('valueBase64');
    expect(json).not.toHaveProperty('valueText');
    expect(json.decoded.hoSo.maHoSo).toBe(code);
    expect(json.decoded.hoSo.chuHoSo).toEqual({
      loai: 'CONG_DAN',
      hoTen: 'V* T** C**',
      soDinhDanh: '0381******28',
      ngaySinh: '****-**-**',
      dienThoai: '*******678',
      email: 'c***@example.vn',
    });

    const { data: xml } = await api.get(`/dead-letters/${hotich.id}`);
    expect(clearIn(xml)).toEqual([]);
    expect(xml).not.toHaveProperty('valueBase64');
    expect(xml.decoded.SuKienHoSo.HoSo.SoHoSo).toBe(hotichCode);
    expect(xml.decoded.SuKienHoSo.HoSo.NguoiYeuCau).toEqual({
      HoTen: 'V* T** C**',
      GiayTo: { '@loai': 'CCCD', '#text': '0381******28' },
      NgaySinh: '**/**/****',
    });
  });

  it("shows a viewer a dossier's trace masked: what was sent, what the portal holds, the ledger", async () => {
    const trace = await eventually(
      () =>
        sut
          .api(viewer)
          .get(`/dossiers/${code}/trace`)
          .then(({ data }) => data),
      (found) => found.timeline?.some((step: { kind: string }) => step.kind === 'delivery'),
      30_000,
    );
    expect(clearIn(trace)).toEqual([]);
    expect(trace.portal.sent).toMatchObject({
      MaHoSo: code,
      ChuHoSo: 'V* T** C**',
      SoGiayToChuHoSo: '0381******28',
      SoDienThoai: '*******678',
      Email: 'c***@example.vn',
    });
    expect(trace.portal.held).toMatchObject({ MaHoSo: code, ChuHoSo: 'V* T** C**' });
    expect(trace.portal.differences).toEqual([]);
  });

  it("shows the dashboard's overdue list with dossier codes and masked names only", async () => {
    const overdue = `${sut.dashboardUrl}/kpi/api/agencies/${HOAN_KIEM.maDinhDanh}/overdue`;
    const answer = await eventually(
      () => axios.get(overdue, { headers: { Authorization: `Bearer ${viewer}` } }).then(({ data }) => data),
      (found) => found.dossiers?.length > 0,
      30_000,
    );
    expect(clearIn(answer)).toEqual([]);
    expect(answer.dossiers).toEqual([
      expect.objectContaining({ dossierCode: code, applicant: 'V* T** C**' }),
    ]);
  });

  it('refuses a reveal to a viewer and to an operator without pii:read (403), and audits both refusals without the body', async () => {
    for (const token of [viewer, operator]) {
      const refused = await sut.api(token).post(`/dossiers/${code}/reveal`, { reason: 'just curious today' });
      expect(refused.status).toBe(403);
      expect(clearIn(refused.data)).toEqual([]);
    }
    const { data } = await sut.api(viewer).get('/audit', { params: { action: 'personal-data.read' } });
    const refusals = data.entries.filter((entry: { result: string }) => entry.result === 'refused');
    expect(refusals.map((entry: { actor: string }) => entry.actor).sort()).toEqual(
      [`operator-${sut.id}`, `viewer-${sut.id}`].sort(),
    );
    for (const entry of refusals) {
      expect(entry).toMatchObject({
        target: `dossier/${code}`,
        parameters: {},
        actorTokenId: expect.any(String),
      });
      expect(JSON.stringify(entry)).not.toContain('just curious');
    }
    // Each refusal is one row: the generic refusal of a write does not audit it again.
    const { data: all } = await sut.api(ADMIN_TOKEN).get('/audit', { params: { limit: 1000 } });
    expect(
      all.entries.filter((entry: { target: string }) => entry.target.endsWith(`/dossiers/${code}/reveal`)),
    ).toEqual([]);
    // Only an admin grants pii:read, and never to a viewer.
    const toViewer = await sut
      .api(ADMIN_TOKEN)
      .post('/tokens', { name: 'v', role: 'viewer', scopes: ['pii:read'] });
    expect(toViewer.status).toBe(400);
    const byOperator = await sut
      .api(operator)
      .post('/tokens', { name: 'o', role: 'operator', scopes: ['pii:read'] });
    expect(byOperator.status).toBe(403);
  });

  it('reveals one dossier in clear to an operator with pii:read, for a stated reason, audited first', async () => {
    const api = sut.api(investigator);
    for (const reason of [undefined, '', 'x', 'a\u0000reason', 'r'.repeat(501)]) {
      expect((await api.post(`/dossiers/${code}/reveal`, { reason })).status).toBe(400);
    }
    const reason = 'citizen complaint 2026/117: name on the portal';
    const { status, data } = await api.post(`/dossiers/${code}/reveal`, { reason });
    expect(status).toBe(200);
    // All but the hotich spelling of the birth date: that dead letter is another dossier's.
    expect(clearIn(data)).toEqual(CLEAR.filter((value) => value !== '15/03/1990'));
    expect(data.trace.portal.sent).toMatchObject({ ChuHoSo: CITIZEN.name, SoGiayToChuHoSo: CITIZEN.id });
    expect(data.deadLetters).toHaveLength(1);
    expect(data.deadLetters[0].decoded.hoSo.chuHoSo.ngaySinh).toBe(CITIZEN.birthDate);
    expect(Buffer.from(data.deadLetters[0].valueBase64, 'base64').toString('utf8')).toContain(CITIZEN.id);

    const me = (await api.get('/me')).data;
    const { data: audit } = await api.get('/audit', { params: { action: 'personal-data.read' } });
    const granted = audit.entries.filter((entry: { result: string }) => entry.result === 'granted');
    expect(granted).toEqual([
      expect.objectContaining({
        id: data.auditId,
        actor: `investigator-${sut.id}`,
        role: 'operator',
        target: `dossier/${code}`,
        parameters: { reason },
        actorTokenId: me.id,
      }),
    ]);
  });

  it('gives the web console a reveal control: masked trace first, the clear record after a reason', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(sut.consoleUrl);
      await page.getByTestId('token-input').fill(investigator);
      await page.getByTestId('login').click();
      await page.getByTestId('who').waitFor();
      await page.goto(`${sut.consoleUrl}/#/trace/${encodeURIComponent(code)}`);
      await page.getByTestId('portal-held').waitFor();
      expect(clearIn(await page.textContent('body'))).toEqual([]);
      await page.getByTestId('reveal-reason').fill('complaint 2026/118, checked in the web console');
      await page.getByTestId('reveal-go').click();
      await page.waitForFunction(
        (id) => document.querySelector('[data-testid=revealed]')?.textContent?.includes(id),
        CITIZEN.id,
      );
      expect(await page.getByTestId('revealed').textContent()).toContain(CITIZEN.name);
    } finally {
      await browser.close();
    }
  });

  it('reveals nothing when the audit row cannot be written', async () => {
    const answer = await sut.withAuditLogFailing(() =>
      sut.api(investigator).post(`/dossiers/${code}/reveal`, { reason: 'while audit is down' }),
    );
    expect(answer.status).toBe(500);
    expect(clearIn(answer.data)).toEqual([]);
  });
});

import { randomBytes } from 'node:crypto';
import { TokenStore } from '@lienthong/access';
import { readConfig } from '@lienthong/config';
import { Database, databaseConfigSpec } from '@lienthong/database';
import { hubHttp } from '@lienthong/hub';
import { dashboardApp, hubApp } from './app-modules';
import { IsolatedRun } from './isolated-run';
import { publish } from './kafka-client';

export const HOAN_KIEM = { maDinhDanh: '000.00.12.H26', ten: 'UBND phường Hoàn Kiếm' };
export const BA_DINH = { maDinhDanh: '000.00.13.H26', ten: 'UBND phường Ba Đình' };

/** One dossier of the one-stop system, told as its successive statuses (all in local time, +07:00). */
export interface MotcuaStory {
  serial: number;
  agency: { maDinhDanh: string; ten: string };
  received: string;
  due: string;
  channel?: 'TRUC_TUYEN' | 'TRUC_TIEP';
  fee?: { paidOnline: boolean };
  rating?: 'RAT_HAI_LONG' | 'HAI_LONG' | 'KHONG_HAI_LONG';
  steps: { status: string; at: string }[];
}

export const dossierCode = (story: MotcuaStory) =>
  `${story.agency.maDinhDanh}-${story.received.slice(2, 4)}${story.received.slice(5, 7)}${story.received.slice(8, 10)}-${String(story.serial).padStart(4, '0')}`;

/** The story's events in the one-stop system's own format, each carrying the dossier's whole state. */
export function motcuaEvents(story: MotcuaStory): object[] {
  const code = dossierCode(story);
  let finished: string | null = null;
  let returned: string | null = null;
  return story.steps.map((step, index) => {
    if (step.status === 'DA_XU_LY_XONG') finished = `${step.at}+07:00`;
    if (step.status === 'DA_TRA_KET_QUA') returned = `${step.at}+07:00`;
    return {
      eventId: `${code}-${index + 1}-${randomBytes(3).toString('hex')}`,
      eventType: index === 0 ? 'HoSoMoi' : 'HoSoCapNhatTrangThai',
      occurredAt: `${step.at}+07:00`,
      version: index + 1,
      hoSo: {
        maHoSo: code,
        maTTHC: '1.001193',
        tenTTHC: 'Đăng ký khai sinh',
        donViXuLy: story.agency,
        kenhNop: story.channel ?? 'TRUC_TUYEN',
        chuHoSo: { loai: 'CONG_DAN', hoTen: 'Nguyễn Văn An' },
        ngayTiepNhan: `${story.received}+07:00`,
        ngayHenTra: `${story.due}+07:00`,
        trangThai: step.status,
        ngayKetThucXuLy: finished,
        ngayTraKetQua: returned,
        thanhPhanHoSo: [{ ma: 'TP01', ten: 'Đơn đề nghị', daSoHoa: true, taiSuDung: false }],
        lePhi: story.fee
          ? [
              {
                ma: 'LP01',
                ten: 'Lệ phí',
                soTien: 50000,
                daThanhToan: true,
                hinhThuc: story.fee.paidOnline ? 'TRUC_TUYEN' : 'TRUC_TIEP',
              },
            ]
          : [],
        ketQua: finished
          ? [{ ma: 'KQ01', ten: 'Giấy khai sinh', url: `https://motcua.example/kq/${code}` }]
          : [],
        danhGia: returned && story.rating ? { mucDo: story.rating, thoiDiem: returned } : null,
      },
    };
  });
}

/** The hub and the KPI dashboard (projection on), isolated for one test file. */
export class KpiHarness extends IsolatedRun {
  dashboardUrl = '';

  async start(overrides: Record<string, string> = {}): Promise<this> {
    await this.launch('hub', hubApp(this.env({ HUB_INSTANCE_ID: this.id, ...overrides })), hubHttp);
    await this.startDashboard(overrides);
    return this;
  }

  /** (Re)starts the dashboard app, e.g. with another KPI_GROUP_ID to replay dossier.v1 from the start. */
  async startDashboard(overrides: Record<string, string> = {}): Promise<void> {
    const index = this.apps.findIndex((running) => running.name === 'dashboard');
    if (index >= 0) {
      await this.apps[index].app.close();
      this.apps.splice(index, 1);
    }
    const dashboard = await this.launch(
      'dashboard',
      dashboardApp(this.env({ KPI_SYNC_MARK_MS: '500', ...overrides })),
    );
    this.dashboardUrl = dashboard.url!;
  }

  async publishStories(stories: MotcuaStory[]): Promise<void> {
    await publish(
      this.topics.source('motcua'),
      stories.flatMap((story) =>
        motcuaEvents(story).map((event) => ({ key: dossierCode(story), value: JSON.stringify(event) })),
      ),
    );
  }

  /** A console token of this role in the run's schema. */
  async token(role: 'viewer' | 'operator' | 'admin'): Promise<string> {
    const database = new Database(readConfig(databaseConfigSpec, this.env()));
    try {
      return (await new TokenStore(database).create(`kpi-test-${role}`, role, 'test')).token;
    } finally {
      await database.close();
    }
  }
}

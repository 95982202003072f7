import axios from 'axios';
import type { PortalDossier } from '@lienthong/schemas';

/** Reads the portal sandbox back through the portal's own contract, as an outside checker would. */
export class PortalHttp {
  private session?: string;

  constructor(readonly baseUrl: string) {}

  async lookup(dossierCode: string): Promise<PortalDossier | undefined> {
    this.session ??= (
      await axios.post(`${this.baseUrl}/login`, { username: 'lienthong', password: 'lienthong' })
    ).data.session;
    const { data } = await axios.post(
      `${this.baseUrl}/service`,
      { session: this.session, madonvi: '000.00.00.H26', service: 'TraCuuHoSo', mahoso: dossierCode },
      { headers: { dstcode: '000.00.00.H26' } },
    );
    if (data.error_code !== 0) throw new Error(`TraCuuHoSo failed: ${JSON.stringify(data)}`);
    return data.result[0];
  }

  async held(dossierCode: string): Promise<{ creates: number; statuses: string[]; progress: unknown[] }> {
    return (await axios.get(`${this.baseUrl}/_sandbox/dossiers/${encodeURIComponent(dossierCode)}`)).data;
  }
}

import axios from 'axios';
import type { PortalDossier } from '@lienthong/schemas';

interface Answer {
  error_code: string | number;
  message?: string;
  session?: string;
  result?: PortalDossier[];
}

/** A body with an error_code; a gateway's HTML page (an injected `html` fault) is none. */
const isAnswer = (data: unknown): data is Answer =>
  typeof data === 'object' && data !== null && 'error_code' in data;

const ATTEMPTS = 5;

/**
 * Reads the portal sandbox back through the portal's own contract, as an outside checker would: it asks
 * again when a gateway page comes instead of an answer, and logs in again when the session is refused.
 */
export class PortalHttp {
  private session?: string;

  constructor(readonly baseUrl: string) {}

  async lookup(dossierCode: string): Promise<PortalDossier | undefined> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      this.session ??= await this.login();
      const { data } = await axios.post<unknown>(
        `${this.baseUrl}/service`,
        { session: this.session, madonvi: '000.00.00.H26', service: 'TraCuuHoSo', mahoso: dossierCode },
        { headers: { dstcode: '000.00.00.H26' } },
      );
      if (!isAnswer(data)) continue;
      // The sandbox writes error_code as a real portal does ("0") or as an older gateway does (0).
      if (String(data.error_code) === '0') return data.result?.[0];
      if (!data.message?.toLowerCase().includes('phiên')) {
        throw new Error(`TraCuuHoSo failed: ${JSON.stringify(data)}`);
      }
      this.session = undefined;
    }
    throw new Error(`TraCuuHoSo: no answer from the portal sandbox in ${ATTEMPTS} attempts`);
  }

  async held(dossierCode: string): Promise<{ creates: number; statuses: string[]; progress: unknown[] }> {
    return (await axios.get(`${this.baseUrl}/_sandbox/dossiers/${encodeURIComponent(dossierCode)}`)).data;
  }

  private async login(): Promise<string | undefined> {
    const { data } = await axios.post<unknown>(`${this.baseUrl}/login`, {
      username: 'lienthong',
      password: 'lienthong',
    });
    return isAnswer(data) ? data.session : undefined;
  }
}

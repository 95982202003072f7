import { readFileSync } from 'node:fs';
import { projectPath } from '@lienthong/config';
import type { DossierEvent } from '@lienthong/schemas';
import type { EdxmlDocument } from './edxml.contract';
import { resultPackageOf } from './to-edxml';

/** A hand-written package under test/fixtures/contracts/edxml (see its README). */
export function goldenEdxml(name: string): string {
  return readFileSync(projectPath('test', 'fixtures', 'contracts', 'edxml', name), 'utf8');
}

export const goldenSender = { organId: '000.00.00.H26', organName: 'Ủy ban nhân dân Thành phố Hà Nội' };

export function goldenDossier(): DossierEvent {
  const dossier: DossierEvent = JSON.parse(
    readFileSync(projectPath('test', 'fixtures', 'hotich', 'ok', 'normalization.dossier.json'), 'utf8'),
  );
  return {
    ...dossier,
    results: [...dossier.results, { code: 'KQ2', name: 'Bản sao trích lục', number: '12/BS', url: null }],
  };
}

/** The document the golden packages ok/document-new.* carry, as the connector makes it from the golden input. */
export function goldenDocument(): EdxmlDocument {
  return resultPackageOf(goldenDossier(), { sender: goldenSender, promulgationPlace: 'Hà Nội' });
}

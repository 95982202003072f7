import { readFileSync } from 'node:fs';
import { projectPath } from '@lienthong/config';
import { documentRefOf } from './edxml-header-check';
import { SandboxStatus } from './edxml-names';
import { hanoiTimestamp, writeStatusPackage } from './edxml-status-writer';
import type { XmlNode } from '../xml';
import { readPackageXml } from './xml-document';

const golden = (name: string) =>
  readFileSync(projectPath('test', 'fixtures', 'contracts', 'edxml', name), 'utf8');
const DOCUMENT_ID = '000.00.00.H26,2024/08/21,000.00.12.H26-240818-9001.7/KQ-TTHC';

/** Expanded names, text and order: what a namespace-aware reader compares, prefixes aside. */
function shape(node: XmlNode): unknown {
  return { name: `{${node.ns}}${node.local}`, text: node.text, kids: node.kids.map(shape) };
}

describe(writeStatusPackage.name, () => {
  it.each([
    [
      'ok/status-01-arrived.xml',
      {
        from: { organId: 'sandbox.edxml', organName: 'Trục liên thông văn bản (sandbox)' },
        status: SandboxStatus.Arrived,
        at: new Date('2024-08-21T18:16:02+07:00'),
      },
    ],
    [
      'ok/status-03-registered.xml',
      {
        from: { organId: '000.00.12.H26', organName: 'UBND quận Hoàn Kiếm' },
        staff: { department: 'Văn thư', staff: 'Cán bộ văn thư' },
        status: SandboxStatus.Registered,
        at: new Date('2024-08-21T18:20:00+07:00'),
      },
    ],
  ])('writes the golden %s for the same status', (name, status) => {
    const sut = writeStatusPackage({ ...status, responseFor: documentRefOf(DOCUMENT_ID) });
    expect(shape(readPackageXml(sut))).toEqual(shape(readPackageXml(golden(name))));
  });

  it('writes a refusal with its reason, escaped, and without ResponseFor when no document was named', () => {
    const sut = readPackageXml(
      writeStatusPackage({
        from: { organId: 'sandbox.edxml', organName: 'Trục' },
        status: SandboxStatus.Refused,
        detail: 'element <Subject> & co',
        at: new Date('2024-08-21T11:00:00Z'),
      }),
    );
    const status = sut.kids[0].kids[0].kids[0];
    expect(status.kids.map((kid) => kid.local)).toEqual(['From', 'StatusCode', 'Description', 'Timestamp']);
    expect(status.kids.slice(1).map((kid) => kid.text)).toEqual([
      '02',
      'Từ chối tiếp nhận: element <Subject> & co',
      '2024/08/21 18:00:00',
    ]);
  });
});

describe(hanoiTimestamp.name, () => {
  it('writes the Hanoi wall-clock time, across midnight UTC', () => {
    expect(hanoiTimestamp(new Date('2024-12-31T20:30:05Z'))).toBe('2025/01/01 03:30:05');
  });
});

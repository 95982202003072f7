import {
  CITIZEN_NAMESPACE,
  GATEWAY_NAMESPACE,
  SOAP_NAMESPACE,
  type AnswerStyle,
  type GatewayOperationName,
} from './gateway.contract';
import type { CitizenRecord } from './population-sandbox.registry';

/** An element of a CongDan in document order: text (empty when undefined or ''), or a group. */
type Field = [name: string, value: string | undefined | Field[]];

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The record's elements in the order DOMAIN.md lists them. */
function congDanFields(record: CitizenRecord): Field[] {
  const address = (place: CitizenRecord['ThuongTru']): Field[] => [
    ['MaTinhThanh', place.MaTinhThanh],
    ['MaQuanHuyen', place.MaQuanHuyen],
    ['MaPhuongXa', place.MaPhuongXa],
    ['ChiTiet', place.ChiTiet],
    ['QuocGia', place.QuocGia],
  ];
  return [
    ['SoDinhDanh', record.SoDinhDanh],
    ['SoCMND', record.SoCMND],
    [
      'HoVaTen',
      [
        ['Ho', record.HoVaTen.Ho],
        ['ChuDem', record.HoVaTen.ChuDem],
        ['Ten', record.HoVaTen.Ten],
      ],
    ],
    ['GioiTinh', record.GioiTinh],
    ['DanToc', record.DanToc],
    ['TonGiao', record.TonGiao],
    [
      'NgayThangNamSinh',
      [
        ['NgayThangNam', record.NgayThangNamSinh.NgayThangNam],
        ['Nam', record.NgayThangNamSinh.Nam],
      ],
    ],
    ['ThuongTru', address(record.ThuongTru)],
    ['NoiOHienTai', address(record.NoiOHienTai)],
    ['QueQuan', address(record.QueQuan)],
    ['QuocTich', record.QuocTich],
    [
      'ChuHo',
      [
        ['QuanHe', record.ChuHo.QuanHe],
        ['SoDinhDanh', record.ChuHo.SoDinhDanh],
        ['HoVaTen', record.ChuHo.HoVaTen],
      ],
    ],
  ];
}

/** One element on one line, groups included; an empty one written `<p:X/>` (real gateways do). */
function inline(prefix: string, [name, value]: Field): string {
  const tag = `${prefix}${name}`;
  if (Array.isArray(value)) return `<${tag}>${value.map((field) => inline(prefix, field)).join('')}</${tag}>`;
  return value ? `<${tag}>${escapeText(value)}</${tag}>` : `<${tag}/>`;
}

/** One element, empty ones left out (older gateways do). */
function compact([name, value]: Field): string {
  if (Array.isArray(value)) {
    const inner = value.map(compact).join('');
    return inner ? `<${name}>${inner}</${name}>` : '';
  }
  return value ? `<${name}>${escapeText(value)}</${name}>` : '';
}

/** The real gateway's envelope, as DOMAIN.md shows it: pretty-printed, `dan` declared on Header and Body. */
const realEnvelope = (bodyLines: string[]) =>
  [
    `<soapenv:Envelope xmlns:soapenv="${SOAP_NAMESPACE}">`,
    `  <soapenv:Header xmlns:dan="${GATEWAY_NAMESPACE}"/>`,
    `  <soapenv:Body xmlns:dan="${GATEWAY_NAMESPACE}">`,
    ...bodyLines.map((line) => `    ${line}`),
    '  </soapenv:Body>',
    '</soapenv:Envelope>',
    '',
  ].join('\n');

/** An older gateway's envelope: compact, `soap:`/`tns:` prefixes, the answer in `{operation}Response`. */
const wrappedEnvelope = (operation: GatewayOperationName, content: string) =>
  '<?xml version="1.0" encoding="UTF-8"?>' +
  `<soap:Envelope xmlns:soap="${SOAP_NAMESPACE}"><soap:Body>` +
  `<tns:${operation}Response xmlns:tns="${GATEWAY_NAMESPACE}">${content}</tns:${operation}Response>` +
  '</soap:Body></soap:Envelope>';

/** TraCuuThongTinCongDan's answer: a CongdanCollection with the record, or empty when nobody matched. */
export function lookupAnswer(record: CitizenRecord | undefined, style: AnswerStyle): string {
  switch (style) {
    case 'real': {
      const open = `<ns1:CongdanCollection xmlns:ns1="${CITIZEN_NAMESPACE}"`;
      if (!record) return realEnvelope([`${open}/>`]);
      return realEnvelope([
        `${open}>`,
        '  <ns1:CongDan>',
        ...congDanFields(record).map((field) => `    ${inline('ns1:', field)}`),
        '  </ns1:CongDan>',
        '</ns1:CongdanCollection>',
      ]);
    }
    case 'wrapped': {
      const citizen = record ? `<CongDan>${congDanFields(record).map(compact).join('')}</CongDan>` : '';
      return wrappedEnvelope(
        'TraCuuThongTinCongDan',
        `<CongdanCollection xmlns="${CITIZEN_NAMESPACE}">${citizen}</CongdanCollection>`,
      );
    }
  }
}

/** XacThucThongTinCongDan's answer: TonTai true or false. */
export function verifyAnswer(exists: boolean, style: AnswerStyle): string {
  switch (style) {
    case 'real':
      return realEnvelope([`<dan:TonTai>${exists}</dan:TonTai>`]);
    case 'wrapped':
      return wrappedEnvelope('XacThucThongTinCongDan', `<tns:TonTai>${exists}</tns:TonTai>`);
  }
}

/** A SOAP 1.1 Fault: Client when the caller is at fault (refused access, a malformed request). */
export function soapFault(code: 'Client' | 'Server', message: string): string {
  return [
    `<soapenv:Envelope xmlns:soapenv="${SOAP_NAMESPACE}">`,
    '  <soapenv:Body>',
    '    <soapenv:Fault>',
    `      <faultcode>soapenv:${code}</faultcode>`,
    `      <faultstring>${escapeText(message)}</faultstring>`,
    '    </soapenv:Fault>',
    '  </soapenv:Body>',
    '</soapenv:Envelope>',
    '',
  ].join('\n');
}

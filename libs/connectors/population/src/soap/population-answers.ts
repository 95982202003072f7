import type { XmlElement } from '@lienthong/xml';
import {
  CITIZEN_NAMESPACE,
  POPULATION_NAMESPACE,
  PopulationOperation,
  type CitizenAddress,
  type CitizenRecord,
} from '../population.contract';
import { childElement, childText, MalformedXmlError } from './soap-envelope';

const { Lookup, Verify } = PopulationOperation;

/**
 * What a gateway put in the SOAP Body for an operation. Real gateways put the answer directly under
 * the Body; older ones wrap it in `{operation}Response`, which is unwrapped here.
 */
function answerContent(bodyContent: XmlElement, operation: string): XmlElement[] {
  const wrapped =
    bodyContent.namespace === POPULATION_NAMESPACE && bodyContent.localName === `${operation}Response`;
  return wrapped ? bodyContent.children : [bodyContent];
}

/** The record in a lookup answer, or undefined when nobody matched (no CongDan in the collection). */
export function readLookupAnswer(bodyContent: XmlElement): CitizenRecord | undefined {
  const collection = answerContent(bodyContent, Lookup.name).find(
    (element) => element.namespace === CITIZEN_NAMESPACE && element.localName === 'CongdanCollection',
  );
  if (!collection) {
    throw new MalformedXmlError(
      `expected {${CITIZEN_NAMESPACE}}CongdanCollection, got ${bodyContent.localName}`,
    );
  }
  const citizen = childElement(collection, CITIZEN_NAMESPACE, 'CongDan');
  return citizen && toCitizenRecord(citizen);
}

/** TonTai of a verification answer. */
export function readVerifyAnswer(bodyContent: XmlElement): boolean {
  const exists = answerContent(bodyContent, Verify.name).find(
    (element) => element.namespace === POPULATION_NAMESPACE && element.localName === 'TonTai',
  )?.text;
  if (exists !== 'true' && exists !== 'false') {
    throw new MalformedXmlError(`TonTai must be true or false, got ${exists ?? 'nothing'}`);
  }
  return exists === 'true';
}

function toCitizenRecord(citizen: XmlElement): CitizenRecord {
  const text = (parent: XmlElement | undefined, name: string) =>
    parent && childText(parent, CITIZEN_NAMESPACE, name);
  const group = (name: string) => childElement(citizen, CITIZEN_NAMESPACE, name);
  const name = group('HoVaTen');
  const HoVaTen = { Ho: text(name, 'Ho'), ChuDem: text(name, 'ChuDem'), Ten: text(name, 'Ten') };
  const ids = { SoDinhDanh: text(citizen, 'SoDinhDanh'), SoCMND: text(citizen, 'SoCMND') };
  if (!ids.SoDinhDanh && !ids.SoCMND)
    throw new MalformedXmlError('CongDan has neither SoDinhDanh nor SoCMND');
  if (!HoVaTen.Ho && !HoVaTen.ChuDem && !HoVaTen.Ten) throw new MalformedXmlError('CongDan has no HoVaTen');
  const birth = group('NgayThangNamSinh');
  const address = (element: XmlElement | undefined): CitizenAddress | undefined =>
    element && {
      MaTinhThanh: text(element, 'MaTinhThanh'),
      MaQuanHuyen: text(element, 'MaQuanHuyen'),
      MaPhuongXa: text(element, 'MaPhuongXa'),
      ChiTiet: text(element, 'ChiTiet'),
      QuocGia: text(element, 'QuocGia'),
    };
  const head = group('ChuHo');
  return {
    ...ids,
    HoVaTen,
    GioiTinh: text(citizen, 'GioiTinh'),
    DanToc: text(citizen, 'DanToc'),
    TonGiao: text(citizen, 'TonGiao'),
    NgayThangNamSinh: birth && { Nam: text(birth, 'Nam'), NgayThangNam: text(birth, 'NgayThangNam') },
    ThuongTru: address(group('ThuongTru')),
    NoiOHienTai: address(group('NoiOHienTai')),
    QueQuan: address(group('QueQuan')),
    QuocTich: text(citizen, 'QuocTich'),
    ChuHo: head && {
      QuanHe: text(head, 'QuanHe'),
      SoDinhDanh: text(head, 'SoDinhDanh'),
      HoVaTen: text(head, 'HoVaTen'),
    },
  };
}

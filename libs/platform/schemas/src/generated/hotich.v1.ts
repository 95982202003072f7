/* Generated from schemas/ by `npm run schemas:types`. Do not edit. */

/**
 * A dossier event of the civil-registry system (topic src.hotich.dossier-events), as its XML (namespace urn:hotich:sukien:1) parses: element text as strings, attributes as @name, text beside attributes as #text. Code tables and formats are checked by the mapper.
 */
export interface HotichEvent {
  SuKienHoSo: {
    '@xmlns': 'urn:hotich:sukien:1';
    MaSuKien: string;
    ThoiDiem: string;
    SoThuTu: string;
    HoSo: {
      SoHoSo: string;
      LoaiViec: Coded;
      CoQuan: Coded1;
      NguoiYeuCau: {
        HoTen: string;
        GiayTo?: {
          '#text': string;
          '@loai': 'CCCD' | 'CMND';
        };
        NgaySinh?: string;
      };
      HinhThucNop: string;
      NgayNhan: string;
      HanTra?: string;
      TinhTrang: string;
      KetQua?:
        | {
            GiayTo?: {
              '@so'?: string;
              '@ten': string;
              '@duongDan'?: string;
            }[];
          }
        | string;
    };
  };
}
/**
 * An element with a code attribute and its name as text.
 */
export interface Coded {
  '#text'?: string;
  '@ma': string;
  '@maDinhDanh'?: string;
}
/**
 * An element with a code attribute and its name as text.
 */
export interface Coded1 {
  '#text'?: string;
  '@ma'?: string;
  '@maDinhDanh': string;
}

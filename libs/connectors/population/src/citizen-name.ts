import type { CitizenRecord } from './population.contract';

/** Accents removed (đ/Đ become D), upper case: how the database writes and compares names. */
const unaccentedUpper = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase();

/**
 * A name as the lookup sends it in HoVaTen: upper case, accents removed, single spaces.
 * "Nguyễn Thùy Hoa" and "nguyen  thuy hoa" are both sent as "NGUYEN THUY HOA".
 */
export const requestName = (name: string): string => unaccentedUpper(name).replace(/\s+/g, ' ').trim();

/**
 * A name as two are compared: also without any space, because gateways split and join a name
 * differently (Ho "Đỗ", ChuDem "Văn", Ten "Cường"; or "ĐỖ VĂN CƯỜNG" all in Ten).
 */
export const foldName = (name: string): string => unaccentedUpper(name).replace(/\s+/g, '');

/** The full name of a record, joined as people write it, wherever the gateway put its parts. */
export const recordFullName = ({ HoVaTen }: CitizenRecord): string =>
  [HoVaTen.Ho, HoVaTen.ChuDem, HoVaTen.Ten].filter(Boolean).join(' ');

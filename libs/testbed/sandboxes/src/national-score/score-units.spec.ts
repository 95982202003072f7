import { AGENCIES } from '@lienthong/simulator';
import { HANOI_DEPARTMENTS } from './national-score.config';
import { DepartmentLevel, DepartmentType } from './score-api.contract';
import { derivedUnits, unitsFor } from './score-units';

describe(derivedUnits.name, () => {
  it('makes a listed department a provincial department, any other agency a commune named by its dossiers', () => {
    const sut = unitsFor(undefined, () =>
      derivedUnits(
        [
          { code: '000.00.40.H26', name: 'UBND xã Đông Anh' },
          { code: '000.00.15.H26', name: 'Sở XD (as a dossier spells it)' },
          { code: '000.00.40.H26', name: 'UBND xã Đông Anh' },
          { code: '000.00.12.H26', name: undefined },
        ],
        { '000.00.15.H26': 'Sở Xây dựng Hà Nội' },
      ),
    );
    expect(
      sut.map(({ departmentCode, departmentName, departmentType, departmentLevel, childGroup }) => ({
        departmentCode,
        departmentName,
        departmentType,
        departmentLevel,
        childGroup,
      })),
    ).toEqual([
      {
        departmentCode: '000.00.15.H26',
        departmentName: 'Sở Xây dựng Hà Nội',
        departmentType: DepartmentType.ProvincialDepartment,
        departmentLevel: DepartmentLevel.Province,
        childGroup: 'AGENCY',
      },
      {
        departmentCode: '000.00.12.H26',
        departmentName: 'Đơn vị 000.00.12.H26',
        departmentType: DepartmentType.AdministrativeUnit,
        departmentLevel: DepartmentLevel.Commune,
        childGroup: 'COMMUNE',
      },
      {
        departmentCode: '000.00.40.H26',
        departmentName: 'UBND xã Đông Anh',
        departmentType: DepartmentType.AdministrativeUnit,
        departmentLevel: DepartmentLevel.Commune,
        childGroup: 'COMMUNE',
      },
    ]);
  });

  it("lists as departments exactly the testbed catalogue's provincial departments, under the same names", () => {
    const sut = derivedUnits(
      AGENCIES.map(({ code, name }) => ({ code, name })),
      HANOI_DEPARTMENTS,
    );
    expect(
      sut.map(({ departmentCode, departmentName, departmentLevel, departmentType }) => ({
        code: departmentCode,
        name: departmentName,
        level: departmentLevel,
        type: departmentType,
      })),
    ).toEqual(AGENCIES.map(({ code, name, level, type }) => ({ code, name, level, type })));
  });
});

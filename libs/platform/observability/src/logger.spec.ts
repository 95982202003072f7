import { maskPersonalData } from './logger';

describe(maskPersonalData.name, () => {
  it('masks 12- and 9-digit personal IDs in strings and nested values, keeping two digits', () => {
    expect(
      maskPersonalData({
        msg: 'verify 001075303677',
        nested: [{ id: '123456789' }],
        spaced: '001 075 303677',
      }),
    ).toEqual({
      msg: 'verify **********77',
      nested: [{ id: '*******89' }],
      spaced: '************77',
    });
  });

  it('hides secrets by key name and leaves other numbers alone', () => {
    expect(maskPersonalData({ password: 'x', session: 'abc', offset: '12345', phoneLength: 10 })).toEqual({
      password: '[secret]',
      session: '[secret]',
      offset: '12345',
      phoneLength: 10,
    });
  });
});

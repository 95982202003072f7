import { readXml, type XmlFlaw } from './xml-reader';

class Refused extends Error {
  constructor(readonly flaw: XmlFlaw) {
    super(flaw.kind);
  }
}
const refuse = (flaw: XmlFlaw) => new Refused(flaw);

function flawOf(xml: string): XmlFlaw | undefined {
  try {
    readXml(xml, refuse);
  } catch (error) {
    if (error instanceof Refused) return error.flaw;
    throw error;
  }
  return undefined;
}

describe(readXml.name, () => {
  it('expands names with the declarations in scope, prefixes and paths kept', () => {
    const sut = readXml(
      '<e:a xmlns:e="urn:e" xmlns="urn:d"><b e:x="1" y="2"><e:c>007</e:c></b></e:a>',
      refuse,
    );
    const [b] = sut.kids;
    expect(sut).toMatchObject({ path: 'a', prefix: 'e', local: 'a', ns: 'urn:e' });
    expect(b).toMatchObject({ path: 'a/b', prefix: null, local: 'b', ns: 'urn:d' });
    expect(b.attrs).toEqual([
      { ns: 'urn:e', local: 'x', value: '1' },
      { ns: null, local: 'y', value: '2' },
    ]);
    expect(b.kids[0]).toMatchObject({ path: 'a/b/c', ns: 'urn:e', text: '007' });
  });

  it('keeps document order and trims text', () => {
    const sut = readXml('<a><x> 1 </x><y/><x>\n 03\n</x></a>', refuse);
    expect(sut.kids.map((kid) => [kid.local, kid.text])).toEqual([
      ['x', '1'],
      ['y', ''],
      ['x', '03'],
    ]);
  });

  it.each<[string, string, XmlFlaw]>([
    ['a DTD', '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', { kind: 'dtd' }],
    ['XML that is not well formed', '<a>\n<b></a>', { kind: 'malformed', line: 2, msg: expect.any(String) }],
    ['two roots', '<a/><b/>', { kind: 'roots', count: 2 }],
    ['an unbound prefix', '<a><b><x:c/></b></a>', { kind: 'unbound-prefix', written: 'x:c', inside: 'a/b' }],
    ['an unbound prefix on the root', '<x:a/>', { kind: 'unbound-prefix', written: 'x:a', inside: '' }],
  ])('refuses %s with the flaw the caller words', (_case, xml, flaw) => {
    expect(flawOf(xml)).toEqual(flaw);
  });
});

import { XmlReadError, type XmlProblem } from './xml-read-error';
import { readXml } from './xml-reader';

function problemOf(xml: string): XmlProblem | undefined {
  try {
    readXml(xml);
  } catch (error) {
    if (error instanceof XmlReadError) return error.problem;
    throw error;
  }
  return undefined;
}

describe(readXml.name, () => {
  it('resolves prefixed elements and attributes against the declarations in scope', () => {
    const sut = readXml(
      '<?xml version="1.0"?><a:root xmlns:a="urn:a" xmlns:b="urn:b"><b:child b:flag="on" plain="1"/></a:root>',
    );
    expect(sut).toMatchObject({ prefix: 'a', localName: 'root', namespace: 'urn:a', attributes: [] });
    expect(sut.children).toEqual([
      {
        prefix: 'b',
        localName: 'child',
        namespace: 'urn:b',
        attributes: [
          { namespace: 'urn:b', localName: 'flag', value: 'on' },
          { namespace: undefined, localName: 'plain', value: '1' },
        ],
        children: [],
        text: '',
      },
    ]);
  });

  it('puts unprefixed elements in the default namespace, but not unprefixed attributes', () => {
    const sut = readXml('<root xmlns="urn:d"><child id="7"><inner xmlns="">x</inner></child></root>');
    const [child] = sut.children;
    expect([sut.namespace, child.namespace, child.children[0].namespace]).toEqual([
      'urn:d',
      'urn:d',
      undefined,
    ]);
    expect(child.attributes).toEqual([{ namespace: undefined, localName: 'id', value: '7' }]);
  });

  it('lets an inner declaration rebind a prefix for its own subtree only', () => {
    const sut = readXml('<p:a xmlns:p="urn:1"><p:b xmlns:p="urn:2"/><p:c/></p:a>');
    expect(sut.children.map((child) => child.namespace)).toEqual(['urn:2', 'urn:1']);
  });

  it('knows the xml prefix without a declaration', () => {
    const sut = readXml('<a xml:lang="vi"/>');
    expect(sut.attributes).toEqual([
      { namespace: 'http://www.w3.org/XML/1998/namespace', localName: 'lang', value: 'vi' },
    ]);
  });

  it('keeps children in document order, repeated names included', () => {
    const sut = readXml('<a><x>1</x><y>2</y><x>3</x></a>');
    expect(sut.children.map((child) => `${child.localName}${child.text}`)).toEqual(['x1', 'y2', 'x3']);
  });

  it('keeps values as written: leading zeros, trimmed text, CDATA', () => {
    const sut = readXml(
      '<a code="037"><id>\n  001068403043  \n</id><n>00.10</n><c><![CDATA[ <b> ]]></c></a>',
    );
    expect(sut.attributes[0].value).toBe('037');
    expect(sut.children.map((child) => child.text)).toEqual(['001068403043', '00.10', '<b>']);
  });

  it.each<[string, string, XmlProblem]>([
    ['a DOCTYPE', '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', { kind: 'doctype' }],
    ['a lower-case doctype', '<!doctype a><a/>', { kind: 'doctype' }],
    [
      'XML that is not well formed',
      '<a>\n<b></a>',
      { kind: 'not-well-formed', line: 2, detail: expect.any(String) },
    ],
    ['plain text', 'Service Unavailable', { kind: 'not-well-formed', line: 1, detail: expect.any(String) }],
    ['two root elements', '<a/><b/>', { kind: 'root-count', roots: 2 }],
    ['an unbound element prefix', '<a><x:b/></a>', { kind: 'unbound-prefix', name: 'x:b' }],
    ['an unbound attribute prefix', '<a x:b="1"/>', { kind: 'unbound-prefix', name: 'x:b' }],
    [
      'a prefix used outside its declaration',
      '<a><b xmlns:x="urn:x"/><x:c/></a>',
      { kind: 'unbound-prefix', name: 'x:c' },
    ],
  ])('refuses %s', (_case, xml, problem) => {
    expect(problemOf(xml)).toEqual(problem);
  });
});

describe(XmlReadError.name, () => {
  it('says what is wrong in its message', () => {
    const sut = new XmlReadError({
      kind: 'not-well-formed',
      line: 3,
      detail: "Closing tag 'b' is expected.",
    });
    expect(sut.message).toBe("not well-formed XML at line 3: Closing tag 'b' is expected.");
  });
});

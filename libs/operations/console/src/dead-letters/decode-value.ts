import { readXml, type XmlElement } from '@lienthong/xml';

/**
 * An event's bytes as a JSON value, so personal data is masked by field name in both source formats:
 * JSON as it is, XML (hotich) as `{root: {child: text, '@attribute': value, '#text': text}}`, repeated
 * children as arrays. Null when it is neither (the bytes are then shown only in a reveal).
 */
export function decodeValue(value: Buffer): unknown {
  const text = value.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON: XML, or nothing readable.
  }
  if (!text.trimStart().startsWith('<')) return null;
  try {
    const root = readXml(text);
    return { [root.localName]: plain(root) };
  } catch {
    return null;
  }
}

function plain(element: XmlElement): unknown {
  if (element.children.length === 0 && element.attributes.length === 0) return element.text;
  const object: Record<string, unknown> = {};
  for (const attribute of element.attributes) object[`@${attribute.localName}`] = attribute.value;
  const repeated = new Set<string>();
  for (const child of element.children) {
    const name = child.localName;
    if (!(name in object)) object[name] = plain(child);
    else if (repeated.has(name)) (object[name] as unknown[]).push(plain(child));
    else {
      object[name] = [object[name], plain(child)];
      repeated.add(name);
    }
  }
  if (element.text) object['#text'] = element.text;
  return object;
}

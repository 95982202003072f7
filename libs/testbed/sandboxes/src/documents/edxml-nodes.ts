import { EDXML_NS } from './edxml-names';
import { PackageRefusal } from './package-refusal';
import type { XmlNode } from '../xml';

/** The edXML children of a node with this local name, whatever prefix wrote them. */
export function kidsNamed(node: XmlNode, local: string): XmlNode[] {
  return node.kids.filter((kid) => kid.ns === EDXML_NS && kid.local === local);
}

export function optionalKid(node: XmlNode, local: string): XmlNode | undefined {
  const found = kidsNamed(node, local);
  if (found.length > 1) throw new PackageRefusal(`${node.path} holds ${local} more than once`);
  return found[0];
}

export function requiredKid(node: XmlNode, local: string): XmlNode {
  const found = optionalKid(node, local);
  if (!found) throw new PackageRefusal(`${node.path} lacks ${local}`);
  return found;
}

/** The text of a required child that must not be empty. */
export function requiredText(node: XmlNode, local: string): string {
  const text = requiredKid(node, local).text;
  if (text === '') throw new PackageRefusal(`${node.path}/${local} is empty`);
  return text;
}

export function attributeOf(node: XmlNode, ns: string | null, local: string): string | undefined {
  return node.attrs.find((attr) => attr.ns === ns && attr.local === local)?.value;
}

/** Children must appear in this sequence (a name may repeat only where allowed) and nothing else may. */
export function requireSequence(
  node: XmlNode,
  sequence: readonly string[],
  repeatable: readonly string[] = [],
): void {
  let position = -1;
  for (const kid of node.kids) {
    const index = kid.ns === EDXML_NS ? sequence.indexOf(kid.local) : -1;
    if (index < 0) throw new PackageRefusal(`${node.path} may not hold ${kid.local}`);
    if (index < position || (index === position && !repeatable.includes(kid.local))) {
      throw new PackageRefusal(
        `${node.path} lists ${kid.local} after ${sequence[position]}; QCVN 102:2016 orders it ${sequence.join(', ')}`,
      );
    }
    position = index;
  }
}

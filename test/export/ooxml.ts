/**
 * The content models of DrawingML's text elements, as ECMA-376 Part 1 (dml-main.xsd) defines them:
 * each element's children as a sequence of slots, each slot a set of names that may fill it and how
 * many times. Enough to catch what PowerPoint "repairs": a second <a:pPr>, properties out of order,
 * a run property after the fonts, an unknown child.
 */
type Slot = { names: string[]; max: number };
const one = (...names: string[]): Slot => ({ names, max: 1 });
const many = (...names: string[]): Slot => ({ names, max: Infinity });

const FILL = ['a:noFill', 'a:solidFill', 'a:gradFill', 'a:blipFill', 'a:pattFill', 'a:grpFill'];
const CHARACTER: Slot[] = [
  one('a:ln'),
  one(...FILL),
  one('a:effectLst', 'a:effectDag'),
  one('a:highlight'),
  one('a:uLnTx', 'a:uLn'),
  one('a:uFillTx', 'a:uFill'),
  one('a:latin'),
  one('a:ea'),
  one('a:cs'),
  one('a:sym'),
  one('a:hlinkClick'),
  one('a:hlinkMouseOver'),
  one('a:rtl'),
  one('a:extLst'),
];
const PARAGRAPH_PROPERTIES: Slot[] = [
  one('a:lnSpc'),
  one('a:spcBef'),
  one('a:spcAft'),
  one('a:buClrTx', 'a:buClr'),
  one('a:buSzTx', 'a:buSzPct', 'a:buSzPts'),
  one('a:buFontTx', 'a:buFont'),
  one('a:buNone', 'a:buAutoNum', 'a:buChar', 'a:buBlip'),
  one('a:tabLst'),
  one('a:defRPr'),
  one('a:extLst'),
];
const TEXT_BODY: Slot[] = [one('a:bodyPr'), one('a:lstStyle'), many('a:p')];

export const MODELS: Record<string, Slot[]> = {
  'a:p': [one('a:pPr'), many('a:r', 'a:br', 'a:fld'), one('a:endParaRPr')],
  'a:r': [one('a:rPr'), one('a:t')],
  'a:pPr': PARAGRAPH_PROPERTIES,
  'a:lvl1pPr': PARAGRAPH_PROPERTIES,
  'a:rPr': CHARACTER,
  'a:endParaRPr': CHARACTER,
  'a:defRPr': CHARACTER,
  'p:txBody': TEXT_BODY,
  'a:txBody': TEXT_BODY,
};

interface Node {
  name: string;
  children: Node[];
}

/** Parses the element structure of an XML document (names and nesting; text and attributes dropped). */
export function elementTree(xml: string): Node {
  const root: Node = { name: '#document', children: [] };
  const stack: Node[] = [root];
  for (const m of xml.matchAll(/<(\/?)([A-Za-z][\w.:-]*)(?:\s[^>]*?)?(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->/gu)) {
    if (m[2] === undefined) continue;
    if (m[1] === '/') {
      const open = stack.pop();
      if (!open || open.name !== m[2]) throw new Error(`</${m[2]}> closes <${open?.name}>`);
      continue;
    }
    const node: Node = { name: m[2], children: [] };
    stack[stack.length - 1]!.children.push(node);
    if (m[3] !== '/') stack.push(node);
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> is never closed`);
  return root;
}

/** Every way an element's children break its content model, as `path: message`. */
export function contentModelProblems(xml: string, part: string): string[] {
  const problems: string[] = [];
  const visit = (node: Node, path: string) => {
    const model = MODELS[node.name];
    if (model) {
      let slot = 0;
      let used = 0;
      for (const child of node.children) {
        let at = slot;
        while (at < model.length && !model[at]!.names.includes(child.name)) at++;
        if (at === model.length) {
          const earlier = model.findIndex((s) => s.names.includes(child.name));
          problems.push(
            earlier >= 0
              ? `${path}/${node.name}: <${child.name}> out of order (after ${model[slot]!.names.join('|')})`
              : `${path}/${node.name}: <${child.name}> is not allowed here`,
          );
          continue;
        }
        if (at !== slot) {
          slot = at;
          used = 0;
        }
        used++;
        if (used > model[slot]!.max) problems.push(`${path}/${node.name}: more than ${model[slot]!.max} <${model[slot]!.names.join('|')}>`);
      }
    }
    node.children.forEach((child, i) => visit(child, `${path}/${node.name}[${i}]`));
  };
  visit(elementTree(xml), part);
  return problems;
}

/** Every <a:p> of a part: the names of its children, in order. */
export function paragraphs(xml: string): string[][] {
  const out: string[][] = [];
  const walk = (node: Node) => {
    if (node.name === 'a:p') out.push(node.children.map((c) => c.name));
    node.children.forEach(walk);
  };
  walk(elementTree(xml));
  return out;
}

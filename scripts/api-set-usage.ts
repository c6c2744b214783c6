/**
 * Which requirement set each member of the Office.js subset in
 * src/excel/excel-api.ts needs, read from the `[Api set: ExcelApi 1.x]`
 * annotations of @types/office-js (Microsoft's own definitions). Each
 * interface of the subset names the Excel class it stands for; nested object
 * types follow the type of the property in @types/office-js.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { compareVersions } from '../src/excel/api-set-versions';

const ROOT = join(__dirname, '..');

/** The Excel class each interface of the subset stands for. */
export const SUBSET_CLASSES: Readonly<Record<string, string>> = {
  ExcelRange: 'Range',
  ExcelRangeAreas: 'RangeAreas',
  ExcelConditionalFormat: 'ConditionalFormat',
  ExcelConditionalFormatCollection: 'ConditionalFormatCollection',
  ExcelTableColumn: 'TableColumn',
  ExcelTable: 'Table',
  ExcelTableCollectionBase: 'TableCollection',
  ExcelTableCollection: 'TableCollection',
  ExcelNamedItem: 'NamedItem',
  ExcelNamedItemCollection: 'NamedItemCollection',
  ExcelChart: 'Chart',
  ExcelWorksheet: 'Worksheet',
  ExcelCustomXmlPart: 'CustomXmlPart',
  ExcelWorkbook: 'Workbook',
  ExcelContext: 'RequestContext',
  ColorScaleCriteria: 'ConditionalColorScaleCriteria',
  ColorScaleCriterion: 'ConditionalColorScaleCriterion',
};

/** Members every Office.js proxy object has, not annotated per class. */
const PROXY_MEMBERS = new Set(['load', 'isNullObject', 'sync', 'items', 'value']);

export interface MemberUse {
  /** Excel class and member, e.g. "RangeAreas.select". */
  member: string;
  set: string;
  /** "1.18" */
  version: string;
}

interface ExcelMember {
  set?: { name: string; version: string };
  typeName?: string;
  /** The declared type of a property, or of each parameter of a method (their first overload), as written. */
  typeTexts: string[];
}

type ApiSet = { name: string; version: string };

function apiSetIn(docs: string): ApiSet | undefined {
  const found = /\[Api set: (\w+) (\d+\.\d+)\]/.exec(docs);
  return found ? { name: found[1]!, version: found[2]! } : undefined;
}

/**
 * From @types/office-js: Excel.<Class>.<member> -> its API set and the class its type names, and
 * Excel.<Enum> -> each value's API set (a value may need a later set than the member taking it).
 */
function readExcel(): {
  classes: Map<string, Map<string, ExcelMember>>;
  enums: Map<string, Map<string, ApiSet | undefined>>;
} {
  const file = join(ROOT, 'node_modules', '@types', 'office-js', 'index.d.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const classes = new Map<string, Map<string, ExcelMember>>();
  const enums = new Map<string, Map<string, ApiSet | undefined>>();
  const visit = (node: ts.Node, inExcel: boolean): void => {
    if (ts.isModuleDeclaration(node)) {
      const excel = node.name.getText(source) === 'Excel';
      if (node.body) ts.forEachChild(node.body, (child) => visit(child, excel || inExcel));
      return;
    }
    if (inExcel && (ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node)) && node.name) {
      const members = classes.get(node.name.text) ?? new Map<string, ExcelMember>();
      for (const m of node.members) {
        const name = m.name?.getText(source);
        if (!name || members.has(name)) continue;
        const set = apiSetIn(m.getFullText(source).slice(0, m.getLeadingTriviaWidth(source)));
        const typeNode = (m as { type?: ts.TypeNode }).type;
        const typeName = typeNode
          ?.getText(source)
          .replace(/^Excel\./, '')
          .replace(/\[\]$/, '');
        const typeTexts =
          ts.isMethodDeclaration(m) || ts.isMethodSignature(m)
            ? m.parameters.map((p) => p.type?.getText(source) ?? '')
            : [typeNode?.getText(source) ?? ''];
        members.set(name, { ...(set ? { set } : {}), ...(typeName ? { typeName } : {}), typeTexts });
      }
      classes.set(node.name.text, members);
    }
    if (inExcel && ts.isEnumDeclaration(node)) {
      const values = new Map<string, ApiSet | undefined>();
      for (const m of node.members) {
        if (m.initializer && ts.isStringLiteral(m.initializer))
          values.set(m.initializer.text, apiSetIn(m.getFullText(source).slice(0, m.getLeadingTriviaWidth(source))));
      }
      enums.set(node.name.text, values);
    }
    ts.forEachChild(node, (child) => visit(child, inExcel));
  };
  visit(source, false);
  return { classes, enums };
}

/** The string literals of a union type in the subset (through type aliases of the subset file). */
function stringLiterals(type: ts.TypeNode, aliases: ReadonlyMap<string, ts.TypeNode>): string[] {
  if (ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)) return [type.literal.text];
  if (ts.isUnionTypeNode(type)) return type.types.flatMap((t) => stringLiterals(t, aliases));
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
    const alias = aliases.get(type.typeName.text);
    return alias ? stringLiterals(alias, aliases) : [];
  }
  return [];
}

/** Every member the subset uses, with the API set it needs. */
export function subsetApiSets(subsetFile = join(ROOT, 'src', 'excel', 'excel-api.ts')): MemberUse[] {
  const { classes, enums } = readExcel();
  const source = ts.createSourceFile(subsetFile, readFileSync(subsetFile, 'utf8'), ts.ScriptTarget.Latest, true);
  const uses = new Map<string, MemberUse>();
  const aliases = new Map<string, ts.TypeNode>();
  ts.forEachChild(source, (node) => {
    if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, node.type);
  });
  /** Each enum value the subset passes or sets (`Chart.add(type: 'Pareto')`, `Worksheet.visibility = 'Hidden'`), with the value's own set. */
  const enumValues = (m: ts.TypeElement, excel: ExcelMember, member: string): void => {
    const method = ts.isMethodSignature(m);
    const types = method ? m.parameters.map((p) => p.type) : [(m as { type?: ts.TypeNode }).type];
    types.forEach((type, k) => {
      const literals = type ? stringLiterals(type, aliases) : [];
      if (literals.length === 0) return;
      const declared = excel.typeTexts[k] ?? '';
      const candidates = [...declared.matchAll(/Excel\.(\w+)/g)].map((x) => enums.get(x[1]!)).filter((e) => e);
      for (const literal of literals) {
        const found = candidates.find((e) => e!.has(literal));
        if (!found) throw new Error(`@types/office-js: ${member} takes no value '${literal}' (${declared})`);
        const set = found.get(literal);
        const use = method
          ? `${member}(${(m as ts.MethodSignature).parameters[k]!.name.getText(source)}: '${literal}')`
          : `${member} = '${literal}'`;
        if (set) uses.set(use, { member: use, set: set.name, version: set.version });
      }
    });
  };
  const walk = (members: ts.NodeArray<ts.TypeElement>, excelClass: string): void => {
    const known = classes.get(excelClass);
    if (!known) throw new Error(`@types/office-js has no Excel.${excelClass}`);
    for (const m of members) {
      const name = m.name?.getText(source);
      if (!name || PROXY_MEMBERS.has(name)) continue;
      const excel = known.get(name);
      if (!excel) throw new Error(`@types/office-js has no Excel.${excelClass}.${name}`);
      const member = `${excelClass}.${name}`;
      if (excel.set) uses.set(member, { member, set: excel.set.name, version: excel.set.version });
      enumValues(m, excel, member);
      const type = (m as { type?: ts.TypeNode }).type;
      const literals = type ? literalMembers(type) : [];
      if (literals.length > 0 && excel.typeName) for (const l of literals) walk(l, excel.typeName);
    }
  };
  const literalMembers = (type: ts.TypeNode): ts.NodeArray<ts.TypeElement>[] => {
    if (ts.isTypeLiteralNode(type)) return [type.members];
    if (ts.isIntersectionTypeNode(type)) return type.types.flatMap(literalMembers);
    return [];
  };
  ts.forEachChild(source, (node) => {
    if (!ts.isInterfaceDeclaration(node)) return;
    const excelClass = SUBSET_CLASSES[node.name.text];
    if (excelClass) walk(node.members, excelClass);
    if (node.name.text === 'ExcelContext') {
      const application = node.members.find((m) => m.name?.getText(source) === 'application');
      const type = (application as ts.PropertySignature | undefined)?.type;
      if (type && ts.isTypeLiteralNode(type)) walk(type.members, 'Application');
    }
  });
  return [...uses.values()].sort((a, b) => compareVersions(b.version, a.version) || a.member.localeCompare(b.member));
}

/** Members above the declared version of their set that are not guarded (or guarded with another version). */
export function unguardedMembers(
  uses: readonly MemberUse[],
  declared: Readonly<Record<string, string>>,
  guarded: Readonly<Record<string, { set: string; version: string }>>,
): string[] {
  return uses
    .filter((u) => compareVersions(u.version, declared[u.set] ?? '1.1') > 0)
    .filter((u) => guarded[u.member]?.set !== u.set || guarded[u.member]?.version !== u.version)
    .map((u) => `${u.member} needs ${u.set} ${u.version}, the manifest declares ${declared[u.set] ?? 'none'}`);
}

/** The <Set Name MinVersion> pairs under the manifest's <Requirements>. */
export function manifestSets(xml: string): Record<string, string> {
  const requirements = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(xml)?.[1] ?? '';
  const sets: Record<string, string> = {};
  for (const m of requirements.matchAll(/<Set\s+Name="([^"]+)"\s+MinVersion="([^"]+)"\s*\/>/g)) sets[m[1]!] = m[2]!;
  return sets;
}

/** `[Api set: CustomFunctionsRuntime 1.x]` of each member declared in src/functions/custom-functions-runtime.d.ts. */
export function customFunctionsRuntimeSets(
  file = join(ROOT, 'src', 'functions', 'custom-functions-runtime.d.ts'),
): MemberUse[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(
      /\[Api set: (CustomFunctionsRuntime) (\d+\.\d+)\][^\n]*\n\s*(?:\*\/\s*)?(?:enum |class |interface |function )?(\w+)/g,
    ),
  ].map((m) => ({ member: m[3]!, set: m[1]!, version: m[2]! }));
}

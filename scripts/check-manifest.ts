/**
 * The offline check of manifest.xml (Microsoft's validator is an online
 * service): xmllint well-formedness, then the structure an Excel add-in with
 * a shared runtime needs — required elements (a SupportUrl among them) in
 * schema order, every resid defined, used and at most 32 characters, short
 * strings up to 125 and long strings up to 250 characters (MS-OWEMXML),
 * every URL https and pointing at a file the build emits, each <Icon> with
 * its 16, 32 and 80 pixel images and every icon file at its declared size,
 * version and id formats, zh-CN overrides, and (for a production manifest)
 * no localhost.
 *
 * Run: `npx tsx scripts/check-manifest.ts [manifest.xml] [--dist dist] [--production] [--no-xmllint]`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The files webpack.config.js emits at the root of dist/ besides assets/ (test/addin/build.spec.ts pins it). */
export const EMITTED_FILES = [
  'taskpane.html',
  'taskpane.js',
  'functions.js',
  'functions.json',
  'functions.zh-CN.json',
  'manifest.xml',
  'support.html',
] as const;

export const DEV_BASE_URL = 'https://localhost:3000/';

export interface ManifestCheckOptions {
  /** The built folder the URLs are served from; without it, URLs are matched against EMITTED_FILES and assets/. */
  distDir?: string;
  /** Where icons are read when there is no distDir; default <repo>/assets. */
  assetsDir?: string;
  /** A shipped manifest: no localhost anywhere. */
  production?: boolean;
  /** Run `xmllint --noout` first (default true; needs Debian's libxml2-utils). */
  xmllint?: boolean;
}

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

/** Checks a manifest file; returns the problems, each one line naming the file and line. Empty when it passes. */
export function checkManifest(file: string, options: ManifestCheckOptions = {}): string[] {
  if (!existsSync(file)) return [`${file}: no such file`];
  if (options.xmllint !== false) {
    const problem = runXmllint(file);
    if (problem) return [problem];
  }
  return checkManifestText(readFileSync(file, 'utf8'), { ...options, fileName: basename(file) });
}

function runXmllint(file: string): string | undefined {
  try {
    execFileSync('xmllint', ['--noout', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    return undefined;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === 'ENOENT') {
      return 'xmllint is not installed: apt-get install -y libxml2-utils (or pass --no-xmllint)';
    }
    return `xmllint: ${String(e.stderr ?? e.message).trim()}`;
  }
}

/** Checks manifest text (no xmllint). */
export function checkManifestText(xml: string, options: ManifestCheckOptions & { fileName?: string } = {}): string[] {
  const fileName = options.fileName ?? 'manifest.xml';
  const parsed = parseXml(xml);
  if (!parsed.ok) return [`${fileName}:${parsed.line}: not well-formed XML: ${parsed.message}`];
  const check = new Checker(parsed.root, fileName, options);
  check.run();
  if (options.production && /localhost/i.test(xml)) {
    const line = xml.slice(0, xml.search(/localhost/i)).split('\n').length;
    check.problems.push(`${fileName}:${line}: a production manifest must not point at localhost`);
  }
  return check.problems;
}

const OFFICE_APP_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];
const OFFICE_APP_REQUIRED = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];
const RESOURCE_KINDS = {
  'bt:Images': 'image',
  'bt:Urls': 'url',
  'bt:ShortStrings': 'short string',
  'bt:LongStrings': 'long string',
} as const;
type ResourceKind = (typeof RESOURCE_KINDS)[keyof typeof RESOURCE_KINDS];

/** Which resource kind an element's resid must name. */
const RESID_KIND: Record<string, ResourceKind> = {
  'bt:Image': 'image',
  SourceLocation: 'url',
  Runtime: 'url',
  FunctionFile: 'url',
  LearnMoreUrl: 'url',
  Label: 'short string',
  Title: 'short string',
  Namespace: 'short string',
  Description: 'long string',
};
const ICON_SIZE_OF: Record<string, number> = { IconUrl: 32, HighResolutionIconUrl: 64 };
/** MS-OWEMXML's ShortString, LongString and URL types, and the resid type of the VersionOverrides schema. */
const MAX_LENGTH = { 'short string': 125, 'long string': 250, url: 2048, resid: 32 } as const;
/** Sizes every <Icon> of a button or group must list (the Icon element's reference). */
const ICON_SIZES = ['16', '32', '80'];
/** Children of ribbon elements in schema order (TaskPaneAppVersionOverrides). */
const CHILD_ORDER: Record<string, { order: string[]; required: string[] }> = {
  Group: { order: ['Label', 'Icon', 'Control'], required: ['Label', 'Icon', 'Control'] },
  Control: { order: ['Label', 'Supertip', 'Icon', 'Action'], required: ['Label', 'Supertip', 'Icon', 'Action'] },
  Supertip: { order: ['Title', 'Description'], required: ['Title', 'Description'] },
};
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){0,3}$/;
const NAMESPACE = /^[A-Z]{1,8}$/;
const ZH = 'zh-CN';

class Checker {
  readonly problems: string[] = [];
  private readonly resources = new Map<string, { kind: ResourceKind; element: XmlElement; used: boolean }>();
  private baseUrl = DEV_BASE_URL;

  constructor(
    private readonly root: XmlElement,
    private readonly fileName: string,
    private readonly options: ManifestCheckOptions,
  ) {}

  run(): void {
    const root = this.root;
    if (root.name !== 'OfficeApp') return this.fail(root, `the root element is <${root.name}>, expected <OfficeApp>`);
    if (root.attributes['xsi:type'] !== 'TaskPaneApp') this.fail(root, '<OfficeApp> must have xsi:type="TaskPaneApp"');
    if (!this.order(root, OFFICE_APP_ORDER, OFFICE_APP_REQUIRED)) return;

    const id = this.child(root, 'Id')!;
    if (!GUID.test(id.text.trim())) this.fail(id, `<Id> '${id.text.trim()}' is not a GUID`);
    const version = this.child(root, 'Version')!;
    if (!VERSION.test(version.text.trim())) {
      this.fail(version, `<Version> '${version.text.trim()}' is not n[.n[.n[.n]]] (numbers up to 5 digits)`);
    }
    const source = this.child(this.child(root, 'DefaultSettings')!, 'SourceLocation');
    if (!source) return this.fail(root, '<DefaultSettings> has no <SourceLocation>');
    const start = source.attributes.DefaultValue ?? '';
    this.baseUrl = start.slice(0, start.lastIndexOf('/') + 1);
    for (const name of ['DisplayName', 'Description']) this.zhOverride(this.child(root, name)!, 'Override');
    this.length(this.child(root, 'DisplayName')!, 'short string', 'Override');
    this.length(this.child(root, 'Description')!, 'long string', 'Override');
    for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
      const element = this.child(root, name);
      if (element) this.url(element, element.attributes.DefaultValue, ICON_SIZE_OF[name]);
    }
    this.url(source, start);
    const hosts = this.child(root, 'Hosts')!;
    if (!hosts.children.some((h) => h.name === 'Host' && h.attributes.Name === 'Workbook')) {
      this.fail(hosts, '<Hosts> must list <Host Name="Workbook"/>');
    }
    const sets = this.child(root, 'Requirements')?.children.find((c) => c.name === 'Sets');
    if (!sets?.children.some((s) => s.attributes.Name === 'SharedRuntime')) {
      this.fail(this.child(root, 'Requirements')!, '<Requirements> must ask for the SharedRuntime set');
    }
    this.versionOverrides(this.child(root, 'VersionOverrides')!);
  }

  private versionOverrides(vo: XmlElement): void {
    if (!this.order(vo, ['Description', 'Requirements', 'Hosts', 'Resources'], ['Hosts', 'Resources'])) return;
    this.defineResources(this.child(vo, 'Resources')!);
    const host = this.child(vo, 'Hosts')!.children.find((h) => h.attributes['xsi:type'] === 'Workbook');
    if (!host) return this.fail(vo, '<VersionOverrides> has no <Host xsi:type="Workbook">');
    if (!this.order(host, ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'], ['Runtimes', 'AllFormFactors'])) return;

    const runtime = this.child(this.child(host, 'Runtimes')!, 'Runtime');
    if (!runtime) return this.fail(host, '<Runtimes> has no <Runtime>');
    if (runtime.attributes.lifetime !== 'long') this.fail(runtime, 'a shared runtime needs <Runtime lifetime="long">');
    const runtimeUrl = runtime.attributes.resid;

    const functions = this.child(host, 'AllFormFactors')!.children.find(
      (e) => e.name === 'ExtensionPoint' && e.attributes['xsi:type'] === 'CustomFunctions',
    );
    if (!functions) {
      this.fail(host, '<AllFormFactors> has no <ExtensionPoint xsi:type="CustomFunctions">');
    } else if (
      this.order(functions, ['Script', 'Page', 'Metadata', 'Namespace'], ['Script', 'Page', 'Metadata', 'Namespace'])
    ) {
      const page = this.child(this.child(functions, 'Page')!, 'SourceLocation');
      if (page?.attributes.resid !== runtimeUrl) {
        this.fail(functions, `the custom functions <Page> must use the shared runtime's resid '${runtimeUrl}'`);
      }
      const namespace = this.child(functions, 'Namespace')!;
      const text = this.resources.get(namespace.attributes.resid ?? '')?.element.attributes.DefaultValue;
      if (text !== undefined && !NAMESPACE.test(text)) {
        this.fail(namespace, `the namespace '${text}' must be 1 to 8 capital letters`);
      }
      const metadata = this.child(this.child(functions, 'Metadata')!, 'SourceLocation');
      const metadataUrl = this.resources.get(metadata?.attributes.resid ?? '');
      if (metadataUrl) this.zhOverride(metadataUrl.element, 'bt:Override');
    }

    const desktop = this.child(host, 'DesktopFormFactor');
    if (desktop) {
      const file = this.child(desktop, 'FunctionFile');
      if (file && file.attributes.resid !== runtimeUrl) {
        this.fail(file, `<FunctionFile> must use the shared runtime's resid '${runtimeUrl}'`);
      }
      const actions = descendants(desktop).filter((e) => e.name === 'Action');
      if (!actions.some((a) => a.attributes['xsi:type'] === 'ShowTaskpane')) {
        this.fail(desktop, 'no ribbon button opens the task pane (<Action xsi:type="ShowTaskpane">)');
      }
      for (const action of actions) {
        const location = this.child(action, 'SourceLocation');
        if (location && location.attributes.resid !== runtimeUrl) {
          this.fail(location, `the task pane must open in the shared runtime's page '${runtimeUrl}'`);
        }
      }
    }
    this.uses(host);
    for (const [id, resource] of this.resources) {
      if (!resource.used) this.fail(resource.element, `resource '${id}' is defined but never used`);
    }
  }

  private defineResources(resources: XmlElement): void {
    this.order(resources, Object.keys(RESOURCE_KINDS), []);
    for (const group of resources.children) {
      const kind = RESOURCE_KINDS[group.name as keyof typeof RESOURCE_KINDS];
      if (!kind) continue;
      for (const element of group.children) {
        const id = element.attributes.id ?? '';
        if (id.length === 0 || id.length > 32) this.fail(element, `resource id '${id}' must be 1 to 32 characters`);
        if (this.resources.has(id)) this.fail(element, `resource id '${id}' is defined twice`);
        this.resources.set(id, { kind, element, used: false });
        if (kind === 'url' || kind === 'image') {
          this.url(element, element.attributes.DefaultValue);
          for (const o of element.children.filter((c) => c.name === 'bt:Override')) this.url(o, o.attributes.Value);
        } else {
          this.length(element, kind, 'bt:Override');
          if (!isNamespaceString(id, this.root)) this.zhOverride(element, 'bt:Override');
        }
      }
    }
  }

  private uses(scope: XmlElement): void {
    for (const element of descendants(scope)) {
      const order = CHILD_ORDER[element.name];
      if (order) this.order(element, order.order, order.required);
      if (element.name === 'Icon') {
        const sizes = element.children.filter((c) => c.name === 'bt:Image').map((c) => c.attributes.size);
        const missing = ICON_SIZES.filter((size) => !sizes.includes(size));
        if (missing.length > 0) this.fail(element, `<Icon> has no image of size ${missing.join(', ')}`);
      }
      const resid = element.attributes.resid;
      if (resid === undefined) continue;
      if (resid.length > MAX_LENGTH.resid) {
        this.fail(element, `resid '${resid}' of <${element.name}> is ${resid.length} characters, at most 32`);
      }
      const resource = this.resources.get(resid);
      const kind = RESID_KIND[element.name];
      if (!resource) {
        this.fail(element, `resid '${resid}' of <${element.name}> is not defined in <Resources>`);
        continue;
      }
      resource.used = true;
      if (kind && resource.kind !== kind) {
        this.fail(element, `resid '${resid}' of <${element.name}> names a ${resource.kind}, expected a ${kind}`);
      }
      if (element.name === 'bt:Image' && element.attributes.size) {
        this.url(resource.element, resource.element.attributes.DefaultValue, Number(element.attributes.size));
      }
    }
  }

  /** A URL must be https, under the add-in's base URL, and name a file the build emits (an icon of the right size). */
  private url(element: XmlElement, url: string | undefined, iconSize?: number): void {
    if (!url) return this.fail(element, `<${element.name}> has no URL`);
    if (!url.startsWith('https://')) return this.fail(element, `URL '${url}' must be https`);
    if (url.length > MAX_LENGTH.url)
      return this.fail(element, `URL '${url}' is ${url.length} characters, at most 2048`);
    if (!url.startsWith(this.baseUrl)) {
      return this.fail(element, `URL '${url}' is not under the add-in's base URL '${this.baseUrl}'`);
    }
    const relative = url.slice(this.baseUrl.length).split(/[?#]/)[0]!;
    const file = this.locate(relative);
    if (!file) return this.fail(element, `URL '${url}' points at '${relative}', which the build does not emit`);
    if (iconSize === undefined || file === true) return;
    const size = pngSize(readFileSync(file));
    if (!size) return this.fail(element, `icon '${relative}' is not a PNG file`);
    if (size.width !== iconSize || size.height !== iconSize) {
      this.fail(element, `icon '${relative}' is ${size.width}x${size.height}, declared ${iconSize}x${iconSize}`);
    }
  }

  /** The path of a built file, `true` for an emitted file that is not built yet, undefined when it does not exist. */
  private locate(relative: string): string | true | undefined {
    if (this.options.distDir) {
      const file = join(this.options.distDir, relative);
      return existsSync(file) ? file : undefined;
    }
    if (relative.startsWith('assets/')) {
      const file = join(this.options.assetsDir ?? join(__dirname, '..', 'assets'), relative.slice('assets/'.length));
      return existsSync(file) ? file : undefined;
    }
    return (EMITTED_FILES as readonly string[]).includes(relative) ? true : undefined;
  }

  /** A text and its locale overrides within the schema's length for `kind`. */
  private length(element: XmlElement, kind: keyof typeof MAX_LENGTH, overrideName: string): void {
    const texts = [
      element.attributes.DefaultValue ?? '',
      ...element.children.filter((c) => c.name === overrideName).map((o) => o.attributes.Value ?? ''),
    ];
    const max = MAX_LENGTH[kind];
    const what = element.attributes.id ? `'${element.attributes.id}'` : `<${element.name}>`;
    for (const text of texts) {
      if (text.length === 0 || text.length > max) {
        this.fail(element, `${what} is a ${kind} of ${text.length} characters: 1 to ${max} allowed`);
      }
    }
  }

  private zhOverride(element: XmlElement, overrideName: string): void {
    const has = element.children.some((c) => c.name === overrideName && c.attributes.Locale === ZH);
    if (!has) {
      const what = element.attributes.id ? `'${element.attributes.id}'` : `<${element.name}>`;
      this.fail(element, `${what} has no <${overrideName} Locale="${ZH}">`);
    }
  }

  /** Required children present and all known children in schema order; false when a required one is missing. */
  private order(parent: XmlElement, order: readonly string[], required: readonly string[]): boolean {
    const names = parent.children.map((c) => c.name);
    let ok = true;
    for (const name of required) {
      if (!names.includes(name)) {
        this.fail(parent, `<${parent.name}> is missing <${name}>`);
        ok = false;
      }
    }
    let last = -1;
    let lastName = '';
    for (const child of parent.children) {
      const at = order.indexOf(child.name);
      if (at < 0) continue;
      if (at < last) this.fail(child, `<${child.name}> must come before <${lastName}> in <${parent.name}>`);
      else {
        last = at;
        lastName = child.name;
      }
    }
    return ok;
  }

  private child(parent: XmlElement, name: string): XmlElement | undefined {
    return parent.children.find((c) => c.name === name);
  }

  private fail(element: XmlElement, message: string): void {
    const problem = `${this.fileName}:${element.line}: ${message}`;
    if (!this.problems.includes(problem)) this.problems.push(problem);
  }
}

function isNamespaceString(id: string, root: XmlElement): boolean {
  return descendants(root).some((e) => e.name === 'Namespace' && e.attributes.resid === id);
}

function descendants(element: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(element);
  return out;
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

type ParseResult = { ok: true; root: XmlElement } | { ok: false; line: number; message: string };

/** A small XML reader for manifests: elements, attributes, text, comments, declarations. */
export function parseXml(xml: string): ParseResult {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  const lineAt = (at: number) => xml.slice(0, at).split('\n').length;
  const fail = (message: string, at = i): ParseResult => ({ ok: false, line: lineAt(at), message });
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (stack.length > 0) stack[stack.length - 1]!.text += decode(text);
    else if (text.trim() !== '') return fail('text outside the root element');
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) return fail('unclosed comment');
      i = end + 3;
    } else if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end < 0) return fail('unclosed declaration');
      i = end + 2;
    } else if (xml.startsWith('</', i)) {
      const end = xml.indexOf('>', i);
      const name = xml.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) return fail(`</${name}> does not close <${open?.name ?? 'nothing'}>`);
      i = end + 1;
    } else {
      const match = /^<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(xml.slice(i));
      if (!match) return fail('a malformed tag');
      const element: XmlElement = { name: match[1]!, attributes: {}, children: [], text: '', line: lineAt(i) };
      for (const a of match[2]!.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1]! in element.attributes) return fail(`attribute ${a[1]} repeated`);
        element.attributes[a[1]!] = decode(a[2] ?? a[3] ?? '');
      }
      if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
      else if (root) return fail('a second root element');
      else root = element;
      if (match[3] !== '/') stack.push(element);
      i += match[0].length;
    }
  }
  if (stack.length > 0) return fail(`<${stack[stack.length - 1]!.name}> is never closed`, xml.length);
  if (!root) return fail('no root element');
  return { ok: true, root };
}

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return String.fromCodePoint(code);
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity.toLowerCase()]!;
  });
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const flag = (name: string) => args.includes(name);
  const valueOf = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const dist = valueOf('--dist');
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--dist') ?? 'manifest.xml';
  const problems = checkManifest(file, {
    distDir: dist,
    production: flag('--production'),
    xmllint: !flag('--no-xmllint'),
  });
  for (const p of problems) console.error(p);
  if (problems.length > 0) process.exit(1);
  console.log(`${file}: OK`);
}

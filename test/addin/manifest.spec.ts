import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkManifest, checkManifestText, parseXml, pngSize } from '../../scripts/check-manifest';

const ROOT = join(__dirname, '..', '..');
const SOURCE = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const withXmllint = hasXmllint() ? it : it.skip;

/** The problems of the source manifest with one edit applied (the edit must change something). */
function problemsAfter(from: string | RegExp, to: string, options = {}): string[] {
  const edited = SOURCE.replace(from, to);
  expect(edited).not.toBe(SOURCE);
  return checkManifestText(edited, options);
}

describe('manifest.xml, checked offline', () => {
  it('happy path: the source manifest passes every structural check', () => {
    expect(checkManifestText(SOURCE)).toEqual([]);
  });

  withXmllint('happy path: xmllint finds the file well-formed and the whole check passes', () => {
    expect(checkManifest(join(ROOT, 'manifest.xml'))).toEqual([]);
  });

  withXmllint('given a malformed file then xmllint fails it with its own message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-manifest-'));
    try {
      const file = join(dir, 'manifest.xml');
      writeFileSync(file, SOURCE.replace('</ProviderName>', '</Provider>'));
      const problems = checkManifest(file);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^xmllint: .*mismatch/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('given a malformed file then the reader names the line', () => {
    const problems = problemsAfter('</ProviderName>', '</Provider>');
    expect(problems).toEqual([
      expect.stringMatching(/^manifest\.xml:17: not well-formed XML: <\/Provider> does not close/),
    ]);
  });

  it('given a missing required element then it is named', () => {
    expect(problemsAfter(/<Version>.*<\/Version>\n/, '')).toContain(
      'manifest.xml:10: <OfficeApp> is missing <Version>',
    );
  });

  it('given elements out of schema order then the misplaced one is named', () => {
    const problems = problemsAfter(/(<Version>.*<\/Version>\n)(\s*<ProviderName>.*<\/ProviderName>\n)/, '$2$1');
    expect(problems).toEqual([expect.stringContaining('<Version> must come before <ProviderName> in <OfficeApp>')]);
  });

  it('given a bad version or id then the format is explained', () => {
    expect(problemsAfter('<Version>0.1.0.0</Version>', '<Version>0.1-beta</Version>')).toEqual([
      expect.stringContaining("<Version> '0.1-beta' is not n[.n[.n[.n]]]"),
    ]);
    expect(problemsAfter('<Id>7d660819', '<Id>x7d660819')).toEqual([expect.stringContaining('is not a GUID')]);
  });

  it('given a resid that is not defined then the element using it is named', () => {
    const problems = problemsAfter('<Label resid="Group.Label"/>', '<Label resid="Group.Labl"/>');
    expect(problems).toEqual([
      expect.stringMatching(/^manifest\.xml:\d+: resid 'Group.Labl' of <Label> is not defined in <Resources>$/),
      expect.stringMatching(/^manifest\.xml:\d+: resource 'Group.Label' is defined but never used$/),
    ]);
  });

  it('given a resid of the wrong kind then the expected kind is said', () => {
    const problems = problemsAfter('<Title resid="OpenPane.Label"/>', '<Title resid="OpenPane.Tooltip"/>');
    expect(problems).toEqual([expect.stringContaining('names a long string, expected a short string')]);
  });

  it('given a URL to a file the build does not emit then it is named', () => {
    const problems = problemsAfter('https://localhost:3000/functions.js"', 'https://localhost:3000/function.js"');
    expect(problems).toEqual([expect.stringContaining("points at 'function.js', which the build does not emit")]);
  });

  it('given an icon declared at the wrong size then both sizes are said', () => {
    const problems = problemsAfter('assets/icon-80.png', 'assets/icon-64.png');
    expect(problems).toEqual([
      expect.stringMatching(/^manifest\.xml:\d+: icon 'assets\/icon-64.png' is 64x64, declared 80x80$/),
    ]);
  });

  it('given the shared runtime is short-lived or the functions page is another page then it fails', () => {
    expect(problemsAfter('lifetime="long"', 'lifetime="short"')).toEqual([
      expect.stringContaining('a shared runtime needs <Runtime lifetime="long">'),
    ]);
    const problems = problemsAfter(
      /<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/,
      '<Page><SourceLocation resid="Functions.Script.Url"/>',
    );
    expect(problems).toEqual([expect.stringContaining("<Page> must use the shared runtime's resid 'Taskpane.Url'")]);
  });

  it('given a namespace longer than 8 letters then it fails', () => {
    expect(problemsAfter('DefaultValue="TIERWISE"', 'DefaultValue="TIERWISEX"')).toEqual([
      expect.stringContaining("the namespace 'TIERWISEX' must be 1 to 8 capital letters"),
    ]);
  });

  it('given a string without its zh-CN override then it is named', () => {
    const problems = problemsAfter(/(<bt:String id="OpenPane.Label"[^>]*>)\s*<bt:Override[^>]*>/, '$1');
    expect(problems).toEqual([expect.stringContaining('\'OpenPane.Label\' has no <bt:Override Locale="zh-CN">')]);
  });

  it('given a production check then any localhost left is an error', () => {
    expect(checkManifestText(SOURCE, { production: true })).toContainEqual(
      expect.stringContaining('a production manifest must not point at localhost'),
    );
    const shipped = SOURCE.replaceAll('https://localhost:3000/', 'https://addin.example.com/tierwise/');
    expect(checkManifestText(shipped, { production: true })).toEqual([]);
  });

  it('given no SupportUrl then it is named (the store requires one)', () => {
    expect(problemsAfter(/ *<SupportUrl [^>]*>\n/, '')).toEqual([
      'manifest.xml:10: <OfficeApp> is missing <SupportUrl>',
    ]);
  });

  it('given a short string over 125 characters or a long string over 250 then the length is said', () => {
    expect(problemsAfter('DefaultValue="Grade customers"', `DefaultValue="${'g'.repeat(126)}"`)).toEqual([
      expect.stringMatching(/'OpenPane.Label' is a short string of 126 characters: 1 to 125 allowed$/),
    ]);
    expect(
      problemsAfter(
        'Value="客户分级"/>\n        </bt:String>\n      </bt:ShortStrings>',
        `Value="${'级'.repeat(126)}"/>\n        </bt:String>\n      </bt:ShortStrings>`,
      ),
    ).toEqual([expect.stringMatching(/'OpenPane.Label' is a short string of 126 characters: 1 to 125 allowed$/)]);
    expect(problemsAfter(/DefaultValue="Open Tierwise:[^"]*"/, `DefaultValue="${'o'.repeat(251)}"`)).toEqual([
      expect.stringMatching(/'OpenPane.Tooltip' is a long string of 251 characters: 1 to 250 allowed$/),
    ]);
    expect(
      problemsAfter('<DisplayName DefaultValue="Tierwise">', `<DisplayName DefaultValue="${'t'.repeat(126)}">`),
    ).toEqual([expect.stringMatching(/<DisplayName> is a short string of 126 characters: 1 to 125 allowed$/)]);
    expect(
      problemsAfter(/<Description DefaultValue="Grade[^"]*"/, `<Description DefaultValue="${'d'.repeat(251)}"`),
    ).toEqual([expect.stringMatching(/<Description> is a long string of 251 characters: 1 to 250 allowed$/)]);
  });

  it('given a resid over 32 characters then both the resource and each use are named', () => {
    const long = 'Tierwise.OpenThePane.Label.Text.X';
    expect(long).toHaveLength(33);
    const problems = problemsAfter(/OpenPane\.Label/g, long);
    expect(problems).toEqual([
      expect.stringMatching(/^manifest\.xml:\d+: resource id '.{33}' must be 1 to 32 characters$/),
      expect.stringMatching(/^manifest\.xml:\d+: resid '.{33}' of <Label> is 33 characters, at most 32$/),
      expect.stringMatching(/^manifest\.xml:\d+: resid '.{33}' of <Title> is 33 characters, at most 32$/),
    ]);
  });

  it('given an http URL or one over 2,048 characters then it is refused', () => {
    expect(problemsAfter('https://localhost:3000/support.html', 'http://localhost:3000/support.html')).toEqual([
      expect.stringContaining("URL 'http://localhost:3000/support.html' must be https"),
    ]);
    const long = `https://localhost:3000/support.html?${'q'.repeat(2048)}`;
    expect(problemsAfter('https://localhost:3000/support.html', long)).toEqual([
      expect.stringContaining('is 2084 characters, at most 2048'),
    ]);
  });

  it('given an icon without its 80 pixel image then the missing size is named', () => {
    const problems = problemsAfter(/\s*<bt:Image size="80" resid="Icon.80"\/>/, '');
    expect(problems).toEqual([expect.stringMatching(/^manifest\.xml:\d+: <Icon> has no image of size 80$/)]);
  });

  it('given a button whose label comes after its action then the schema order is said', () => {
    const problems = problemsAfter(
      /(<Control xsi:type="Button" id="Tierwise.OpenPane">)\s*(<Label resid="OpenPane.Label"\/>)([\s\S]*?<\/Action>)/,
      '$1$3$2',
    );
    expect(problems).toEqual([
      expect.stringMatching(/^manifest\.xml:\d+: <Label> must come before <Action> in <Control>$/),
    ]);
  });

  it('reads PNG sizes and XML entities', () => {
    expect(pngSize(readFileSync(join(ROOT, 'assets', 'icon-16.png')))).toEqual({ width: 16, height: 16 });
    expect(pngSize(Buffer.from('GIF89a not a png at all'))).toBeUndefined();
    const parsed = parseXml('<a x="1 &amp; 2">&lt;b&gt;</a>');
    expect(parsed).toMatchObject({ ok: true, root: { attributes: { x: '1 & 2' }, text: '<b>' } });
  });
});

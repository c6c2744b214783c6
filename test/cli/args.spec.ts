import { parseArgs, resolveLocale } from '../../src/cli/args';
import { parseJsonText } from '../../src/cli/json-text';

describe('parseArgs', () => {
  const specs = [
    { name: 'table', kind: 'value' },
    { name: 'force', kind: 'flag' },
    { name: 'map', kind: 'list' },
  ] as const;

  it('happy path: positionals, --name value, --name=value, repeated lists, -h and --', () => {
    const parsed = parseArgs(
      ['in.csv', '--table', 't.json', '--map=a=B', '--map', 'c=D E', '--force', '-h', '--', '--x'],
      specs,
    );
    expect(parsed).toEqual({
      ok: true,
      args: {
        positionals: ['in.csv', '--x'],
        flags: new Set(['force', 'help']),
        values: new Map([['table', 't.json']]),
        lists: new Map([['map', ['a=B', 'c=D E']]]),
      },
    });
  });

  it('given an unknown option, a value missing, or a value on a flag then a problem value', () => {
    expect(parseArgs(['--tabel', 'x'], specs)).toEqual({
      ok: false,
      problem: { kind: 'unknown-option', option: '--tabel' },
    });
    expect(parseArgs(['--table'], specs)).toEqual({ ok: false, problem: { kind: 'missing-value', option: '--table' } });
    expect(parseArgs(['--force=yes'], specs)).toEqual({
      ok: false,
      problem: { kind: 'flag-value', option: '--force' },
    });
  });
});

describe('resolveLocale', () => {
  it('--lang wins; otherwise LC_ALL, LC_MESSAGES, LANG; zh* is Chinese', () => {
    expect(resolveLocale('zh-CN', {})).toBe('zh-CN');
    expect(resolveLocale('en', { LANG: 'zh_CN.UTF-8' })).toBe('en-US');
    expect(resolveLocale('fr', {})).toBeUndefined();
    expect(resolveLocale(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(resolveLocale(undefined, { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en-US');
    expect(resolveLocale(undefined, {})).toBe('en-US');
  });
});

describe('parseJsonText', () => {
  it.each([
    ['{"a": 1,}', 1, 9],
    ['{\n  "a": tru\n}', 2, 11],
    ['{\n  "a": [1, 2,]\n}', 2, 14],
    ['{"a": 1', 1, 8],
    ['', 1, 1],
    ['[1] x', 1, 5],
    ['{"a": "line\nbreak"}', 1, 12],
  ])('given %j then the error is at line %i, column %i', (text, line, column) => {
    expect(parseJsonText(text)).toMatchObject({ ok: false, line, column });
  });

  it('given valid JSON with a BOM then the value', () => {
    expect(parseJsonText('\uFEFF{"a":[1,"x"]}')).toEqual({ ok: true, value: { a: [1, 'x'] } });
  });
});

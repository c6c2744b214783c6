/**
 * The `output` argument: a list of words, English or Chinese. The language
 * of a text result follows the word (explain -> English, 说明 -> Chinese),
 * never Office's display language, so that a workbook shows the same values
 * to every co-author.
 */
import type { Locale } from '../engine';

export type OutputWord<K extends string> = { kind: K; locale: Locale };

const PARSED = new Map<string, unknown>();

/** Reads "score,tier" / "分数，等级" into columns; undefined when a word is unknown or the list is empty. */
export function parseOutputWords<K extends string>(
  text: string,
  words: Readonly<Record<string, OutputWord<K>>>,
): Array<OutputWord<K>> | undefined {
  // Single-row formulas pass the same few words 100,000 times.
  const key = `${words === (TIER_OUTPUT_WORDS as unknown) ? 't' : 'r'}:${text}`;
  if (PARSED.has(key)) return PARSED.get(key) as Array<OutputWord<K>> | undefined;
  const parsed = parse(text, words);
  if (PARSED.size > 256) PARSED.clear();
  PARSED.set(key, parsed);
  return parsed;
}

function parse<K extends string>(
  text: string,
  words: Readonly<Record<string, OutputWord<K>>>,
): Array<OutputWord<K>> | undefined {
  const parts = text
    .split(/[,，、;；]/)
    .map((w) => w.trim().toLowerCase().replace(/\s+/g, ' '))
    .filter((w) => w !== '');
  if (parts.length === 0) return undefined;
  const out: Array<OutputWord<K>> = [];
  for (const part of parts) {
    const word = words[part];
    if (!word) return undefined;
    out.push(word);
  }
  return out;
}

const en = <K extends string>(kind: K): OutputWord<K> => ({ kind, locale: 'en-US' });
const zh = <K extends string>(kind: K): OutputWord<K> => ({ kind, locale: 'zh-CN' });

export type TierOutput = 'tier' | 'score' | 'explain';

export const TIER_OUTPUT_WORDS: Readonly<Record<string, OutputWord<TierOutput>>> = {
  tier: en('tier'),
  grade: en('tier'),
  等级: zh('tier'),
  级别: zh('tier'),
  score: en('score'),
  分数: zh('score'),
  得分: zh('score'),
  explain: en('explain'),
  explanation: en('explain'),
  说明: zh('explain'),
  解释: zh('explain'),
};
export const TIER_OUTPUTS_ALLOWED = 'tier, score, explain, score,tier (等级, 分数, 说明)';

export type RfmOutput = 'code' | 'scores' | 'segment';

export const RFM_OUTPUT_WORDS: Readonly<Record<string, OutputWord<RfmOutput>>> = {
  code: en('code'),
  rfm: en('code'),
  代码: zh('code'),
  scores: en('scores'),
  score: en('scores'),
  得分: zh('scores'),
  分数: zh('scores'),
  segment: en('segment'),
  segments: en('segment'),
  分群: zh('segment'),
  客户分群: zh('segment'),
};
export const RFM_OUTPUTS_ALLOWED = 'code, scores, segment (代码, 得分, 分群)';

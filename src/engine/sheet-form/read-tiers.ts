/** The Tiers section of the sheet form. */
import type { Tier } from '../model';
import { type Section, Reader } from './reader';
import { requireColumns, rowReader } from './section-rows';

export function readTiers(reader: Reader, section: Section | undefined): Tier[] {
  const tiers: Tier[] = [];
  if (section === undefined || !requireColumns(reader, section)) return tiers;
  section.rows.forEach((row, i) => {
    const r = rowReader(reader, row);
    const path = `tiers[${i}]`;
    reader.at(path, row.index, 0);
    const label = r.localized('labelEn', 'labelZh', `${path}.label`);
    if (label === undefined && r.blank('labelEn') && r.blank('labelZh'))
      reader.problem('missing-field', `${path}.label`, row.index, r.col('labelEn'), { field: 'label' });
    const tier: Tier = {
      id: r.word('id', `${path}.id`, true) ?? '',
      label: label ?? { en: '' },
      fill: r.word('fill', `${path}.fill`, true) ?? '',
      font: r.word('font', `${path}.font`, true) ?? '',
    };
    const strategy = r.localized('strategyEn', 'strategyZh', `${path}.strategy`);
    if (strategy !== undefined) tier.strategy = strategy;
    const cadence = r.localized('cadenceEn', 'cadenceZh', `${path}.cadence`);
    if (cadence !== undefined) tier.cadence = cadence;
    const share = r.number('targetShare', `${path}.targetShare`);
    if (share !== undefined) tier.targetShare = share;
    const score = r.number('score', `${path}.score`);
    if (score !== undefined) tier.score = score;
    tiers.push(tier);
  });
  return tiers;
}

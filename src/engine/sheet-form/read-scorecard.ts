/**
 * A scorecard method from the sheet form: criteria with their bands and decay,
 * thresholds, multipliers, point caps, maximum total and rounding.
 */
import type { Criterion, Method, Multiplier, ScorecardMethod, Decay, ScoreBand } from '../model';
import type { Cell } from '../values/cell';
import { parseDecaySteps } from './decay-steps';
import { SECTIONS, heading, type SectionKey, type TitleKey } from './layout';
import { isBlankCell } from './text';
import { readBand, readThresholds } from './read-bands';
import { readTree } from './read-conditions';
import { type DataRow, type Section, Reader } from './reader';
import { cellOfRow, requireColumns, rowReader, groupRows } from './section-rows';

/** A criterion's decay from its first row: the age input, and a half-life or steps ("30: 0.8; 90: 0.5"). */
function readDecay(reader: Reader, r: ReturnType<typeof rowReader>, row: DataRow, path: string): Decay | undefined {
  const age = r.word('decayAge', `${path}.decay.age`);
  const halfLife = r.number('halfLife', `${path}.decay.halfLife`);
  const stepsText = r.text('decaySteps', `${path}.decay.steps`);
  if (age === undefined && halfLife === undefined && stepsText === undefined) return undefined;
  const decay: Decay = { age: age ?? '' };
  if (age === undefined)
    reader.problem('missing-field', `${path}.decay.age`, row.index, r.col('decayAge'), { field: 'age' });
  if (halfLife !== undefined) decay.halfLife = halfLife;
  if (stepsText !== undefined) {
    const steps = parseDecaySteps(stepsText);
    if (steps === undefined) {
      reader.syntax(`${path}.decay.steps`, row.index, r.col('decaySteps'), 'sheet.bad-decay-steps', {
        text: stepsText,
      });
    } else decay.steps = steps;
  }
  return decay;
}

export function readScorecard(
  reader: Reader,
  section: Section | undefined,
  multipliersSection: Section | undefined,
  thresholdsSection: Section | undefined,
  title: Map<TitleKey, { index: number; cells: Cell[] }>,
  sections: Map<SectionKey, Section>,
): Method {
  const criteria: Criterion[] = [];
  if (section !== undefined && requireColumns(reader, section)) {
    let current: Criterion | undefined;
    for (const row of section.rows) {
      const r = rowReader(reader, row);
      const starts = !r.blank('id');
      if (starts) {
        const path = `method.criteria[${criteria.length}]`;
        reader.at(path, row.index, r.col('id'));
        current = {
          id: r.word('id', `${path}.id`) ?? '',
          input: r.word('input', `${path}.input`, true) ?? '',
          bands: [],
        };
        const weight = r.number('weight', `${path}.weight`);
        if (weight !== undefined) current.weight = weight;
        const blankPoints = r.number('blankPoints', `${path}.blankPoints`);
        if (blankPoints !== undefined) current.blankPoints = blankPoints;
        const group = r.word('group', `${path}.group`);
        if (group !== undefined) current.group = group;
        const decay = readDecay(reader, r, row, path);
        if (decay !== undefined) current.decay = decay;
        const label = r.localized('labelEn', 'labelZh', `${path}.label`);
        if (label !== undefined) current.label = label;
        criteria.push(current);
        if (r.blank('band') && r.blank('points')) continue;
      } else {
        for (const key of [
          'input',
          'weight',
          'blankPoints',
          'group',
          'decayAge',
          'halfLife',
          'decaySteps',
          'labelEn',
          'labelZh',
        ]) {
          if (!r.blank(key))
            reader.syntax('method.criteria', row.index, r.col(key), 'sheet.orphan-row', {
              column: heading(SECTIONS.criteria.columns[0] as { en: string; zh: string }),
            });
        }
      }
      if (current === undefined) {
        reader.syntax('method.criteria', row.index, 0, 'sheet.orphan-row', {
          column: heading(SECTIONS.criteria.columns[0] as { en: string; zh: string }),
        });
        continue;
      }
      const criterionIndex = criteria.length - 1;
      const path = `method.criteria[${criterionIndex}].bands[${current.bands.length}]`;
      const band = cellOfRow(row, 'band');
      const match = readBand(reader, current.input, band.cell, path, row.index, band.col);
      const points = r.number('points', `${path}.points`, true);
      if (match !== undefined && points !== undefined) current.bands.push({ match, points } as ScoreBand);
      else current.bands.push({ match: match ?? { values: [] }, points: points ?? 0 });
    }
  }
  const method: ScorecardMethod = {
    kind: 'scorecard',
    criteria,
    thresholds: readThresholds(reader, thresholdsSection, 'method.thresholds'),
  };
  if (multipliersSection !== undefined && requireColumns(reader, multipliersSection)) {
    const multipliers: Multiplier[] = [];
    for (const group of groupRows(reader, multipliersSection, 'id', 'method.multipliers')) {
      const r = rowReader(reader, group.head);
      const path = `method.multipliers[${multipliers.length}]`;
      reader.at(path, group.head.index, r.col('id'));
      const multiplier = {
        id: r.word('id', `${path}.id`) ?? '',
        factor: r.number('factor', `${path}.factor`, true) ?? 1,
        when: readTree(reader, group.rows, `${path}.when`) ?? { all: [] },
      } as Multiplier;
      const label = r.localized('labelEn', 'labelZh', `${path}.label`);
      if (label !== undefined) multiplier.label = label;
      multipliers.push(multiplier);
    }
    method.multipliers = multipliers;
  }
  const caps = sections.get('pointCaps');
  if (caps !== undefined && requireColumns(reader, caps)) {
    method.groupCaps = caps.rows.map((row, k) => {
      const r = rowReader(reader, row);
      const path = `method.groupCaps[${k}]`;
      reader.at(path, row.index, 0);
      return { group: r.word('group', `${path}.group`, true) ?? '', max: r.number('max', `${path}.max`, true) ?? 0 };
    });
  }
  const maxTotal = title.get('maxTotal');
  if (maxTotal !== undefined) {
    const value = reader.number(maxTotal.cells[1], 'method.maxTotal', maxTotal.index, 1);
    if (value !== undefined) {
      method.maxTotal = value;
      reader.at('method.maxTotal', maxTotal.index, 1);
    } else if (isBlankCell(maxTotal.cells[1]))
      reader.problem('missing-field', 'method.maxTotal', maxTotal.index, 1, { field: 'maxTotal' });
  }
  const round = title.get('round');
  if (round !== undefined) {
    const value = reader.number(round.cells[1], 'method.round', round.index, 1);
    if (value !== undefined) {
      method.round = value;
      reader.at('method.round', round.index, 1);
    } else if (isBlankCell(round.cells[1]))
      reader.problem('missing-field', 'method.round', round.index, 1, { field: 'round' });
  }
  return method;
}

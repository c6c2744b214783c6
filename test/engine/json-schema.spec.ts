import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { validateTable } from '../../src/engine/compile';
import { PRESETS } from '../../src/engine/presets';
import { SCHEMA_PATH, schemaText } from '../../scripts/generate-schema';
import { paymentScorecard } from './fixtures';

describe('the shipped JSON Schema', () => {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

  it('is up to date with the engine (run `npm run schema` after changing the model)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(schemaText());
  });

  it.each(PRESETS.map((p) => [p.id, p]))('accepts the preset %s', (_id, preset) => {
    expect(validate(preset) ? [] : validate.errors).toEqual([]);
  });

  it('rejects what the engine rejects structurally', () => {
    const broken = [
      { ...paymentScorecard, colour: 'red' },
      { ...paymentScorecard, id: 'has space' },
      { ...paymentScorecard, tiers: [{ ...paymentScorecard.tiers[0]!, fill: 'green' }] },
      { ...paymentScorecard, method: { kind: 'magic' } },
      { ...paymentScorecard, version: 1.5 },
    ];
    for (const table of broken) {
      expect(validateTable(table).length).toBeGreaterThan(0);
      expect(validate(table)).toBe(false);
    }
  });
});

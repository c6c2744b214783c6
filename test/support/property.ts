/**
 * The one way Tierwise runs a fast-check property: the regression cases first
 * (every counterexample ever found, kept as `examples`), then a fixed seed, so
 * CI passes or fails the same way every run, then one fresh seed that is printed,
 * so each run also explores. A failure names the seed and how to rerun it.
 *
 * Rerun a seed: TIERWISE_PROPERTY_SEED=<seed> npx jest <spec>  (it replaces the fresh seed).
 */
import fc from 'fast-check';
import { randomInt } from 'node:crypto';

/** The seed every run checks; change it only together with the regression lists. */
export const FIXED_PROPERTY_SEED = 20261128;

/** The run's fresh seed: TIERWISE_PROPERTY_SEED when set, else a new random 32-bit integer. */
export function freshPropertySeed(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.TIERWISE_PROPERTY_SEED;
  if (given !== undefined && given !== '') {
    const seed = Number(given);
    if (!Number.isInteger(seed)) throw new Error(`TIERWISE_PROPERTY_SEED must be an integer, got "${given}"`);
    return seed;
  }
  return randomInt(-(2 ** 31), 2 ** 31);
}

/** Parameters of a Tierwise property: fast-check's own, but the seed is chosen here. */
export type PropertyParameters<Ts> = Omit<fc.Parameters<Ts>, 'seed' | 'path'>;

/**
 * fc.assert with the regression examples, the fixed seed and a fresh logged
 * seed. Use it for every property in the repo instead of fc.assert.
 */
export function checkProperty<Ts>(property: fc.IProperty<Ts>, parameters: PropertyParameters<Ts> = {}): void {
  for (const run of propertyRuns(parameters)) failOn(run, fc.check(property, run.parameters));
}

/** checkProperty for an asynchronous property (fc.asyncProperty): await it. */
export async function checkAsyncProperty<Ts>(
  property: fc.IAsyncProperty<Ts>,
  parameters: PropertyParameters<Ts> = {},
): Promise<void> {
  for (const run of propertyRuns(parameters)) failOn(run, await fc.check(property, run.parameters));
}

interface PropertyRun<Ts> {
  name: string;
  which: 'fixed' | 'fresh';
  seed: number;
  parameters: fc.Parameters<Ts>;
}

function propertyRuns<Ts>(parameters: PropertyParameters<Ts>): Array<PropertyRun<Ts>> {
  const name = expect.getState().currentTestName ?? 'property';
  const fresh = freshPropertySeed();
  console.info(`property seeds for "${name}": fixed ${FIXED_PROPERTY_SEED}, fresh ${fresh}`);
  return (
    [
      ['fixed', FIXED_PROPERTY_SEED],
      ['fresh', fresh],
    ] as const
  ).map(([which, seed]) => ({
    name,
    which,
    seed,
    parameters: { ...parameters, seed, examples: which === 'fixed' ? parameters.examples : [] },
  }));
}

function failOn<Ts>({ name, which, seed }: PropertyRun<Ts>, details: fc.RunDetails<Ts>): void {
  if (!details.failed) return;
  throw new Error(
    `Property failed with the ${which} seed ${seed} (rerun: TIERWISE_PROPERTY_SEED=${seed} npx jest -t ` +
      `${JSON.stringify(name)}). Keep the counterexample as a regression example of this property.\n` +
      fc.defaultReportMessage(details),
  );
}

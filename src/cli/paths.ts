import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The project (package) root: where data/ and package.json sit; above dist/ when built, above src/cli otherwise. */
export const PROJECT_ROOT = existsSync(resolve(__dirname, '..', 'package.json'))
  ? resolve(__dirname, '..')
  : resolve(__dirname, '..', '..');

/** The bundled sample customer sheet used by `tierwise demo`. */
export const SAMPLE_CUSTOMERS = resolve(PROJECT_ROOT, 'data', 'sample-customers.csv');

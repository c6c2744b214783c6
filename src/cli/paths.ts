import { resolve } from 'node:path';

/** The project (package) root: where data/ and package.json sit. */
export const PROJECT_ROOT = resolve(__dirname, '..', '..');

/** The bundled sample customer sheet used by `tierwise demo`. */
export const SAMPLE_CUSTOMERS = resolve(PROJECT_ROOT, 'data', 'sample-customers.csv');

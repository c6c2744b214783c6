import type { RfmSegmentRule } from '../../../src/engine/rfm';

/** The ten segments of tests/testthat/test-rfm-segment.R of the R rfm package (first match wins). */
export const RFM_PACKAGE_TEST_SEGMENT_NAMES = [
  'champions',
  'loyal',
  'potential',
  'new',
  'promising',
  'attention',
  'sleep',
  'risk',
  'cantLose',
  'lost',
];

const lower = {
  r: [4, 2, 3, 4, 3, 2, 2, 1, 1, 1],
  f: [4, 3, 1, 1, 1, 2, 1, 2, 4, 1],
  m: [4, 3, 1, 1, 1, 2, 1, 2, 4, 1],
};
const upper = {
  r: [5, 5, 5, 5, 4, 3, 3, 2, 1, 2],
  f: [5, 5, 3, 1, 1, 3, 2, 5, 5, 2],
  m: [5, 5, 3, 1, 1, 3, 2, 5, 5, 2],
};

export const RFM_PACKAGE_TEST_SEGMENTS: RfmSegmentRule[] = RFM_PACKAGE_TEST_SEGMENT_NAMES.map((tier, k) => ({
  tier,
  r: [lower.r[k]!, upper.r[k]!],
  f: [lower.f[k]!, upper.f[k]!],
  m: [lower.m[k]!, upper.m[k]!],
}));

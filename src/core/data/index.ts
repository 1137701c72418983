/**
 * @fileoverview Public API of src/core/data: built-in generators, CSV import, experiment splits
 * and augmenters. Internal helpers (util.ts, the tokenizer internals) stay private.
 */

export type { Dataset, DatasetKind, FeatureScaling } from './types';
export { moons, circles, spiral, blobs, type Points2dOptions } from './points2d';
export { patients, PATIENT_FEATURES, type PatientFeature, type PatientsOptions } from './patients';
export { JANE_SMITH, JOHN_DOE, RESERVED_NAMES, makeNames, placeReservedNames } from './names';
export { purchases, purchasePrototypes, DEFAULT_FLIP_PROBABILITY, type PurchasesOptions } from './purchases';
export { glyphs, renderGlyph, GLYPH_SIZE, type GlyphsOptions } from './glyphs';
export { parseCsv, CsvError, type CsvOptions, type CsvResult, type CsvColumnInfo } from './csv';
export { pickRows, splitForExperiment, subset, toTrainingData, type SplitSizes, type ExperimentSplit } from './splits';
export {
  imageShiftNoise, gaussianNoise, mixup, sampleGamma, sampleBeta, type ImageShiftNoiseOptions,
} from './augment';
export {
  generateDataset, datasetSpecErrors, DATASET_INFO,
  type DatasetSpec, type DatasetName, type DatasetInfo, type Range,
} from './generate';

export { createMasker, type Masker } from './create-masker';
export { MASK } from './masked-output';
export { DEFAULT_MASK_MIN_LENGTH, type MaskerOptions } from './masker-options';

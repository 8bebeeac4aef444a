export { sha256, leadingZeroBits } from './sha256.js';
export { powIsValid, solvePow, type SolveOptions } from './pow.js';

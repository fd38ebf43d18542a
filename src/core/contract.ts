// The public JSON contract (docs/contract.md): cases in, results out. The types are inferred from the zod schemas
// of src/schema (declared once); only type imports here, so the engine loads no zod.
export { CONTRACT_VERSION } from '../schema/version.js';
export type { Case, Charge, Prior, CaseInput } from '../schema/case.js';
export type {
  ChargeResult, ErrorCode, ErrorResult, Outcome, PrisonOut, QuantumError, Reason, Result, Step, VersionOut, Warning,
} from '../schema/result.js';

// The library's entry point: the API over loaded rules (api.ts), and loadRules to load them (validated with zod,
// or from the build's snapshot while the rule files are unchanged).
export * from './api.js';
export { loadRules, RulesError, DEFAULT_RULES_DIR } from './rules/load.js';

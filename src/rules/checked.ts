// A rules directory as every command uses it: loaded and validated (load.ts), then its cross-references checked
// (validate.ts). A directory `rules validate` refuses is refused here too, never used half-checked. Kept apart from
// the start-up path: the CLI imports it only for a rules directory the build's snapshot cannot serve.
import type { Lang, Rules } from '../core/model.js';
import { loadRules, RulesError } from './load.js';
import { crossCheck } from './validate.js';

export function loadCheckedRules(dir: string, options: Parameters<typeof loadRules>[1] & { lang: Lang }): Rules {
  const rules = loadRules(dir, options);
  const { errors } = crossCheck(rules, options.lang);
  if (errors.length) throw new RulesError(errors, options.lang);
  return rules;
}

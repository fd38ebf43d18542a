// Puts each step of the trace into words, in the requested language (src/messages). The figures stay in the params.
import type { Lang } from './model.js';
import { say } from '../messages/index.js';
import type { StepDraft } from './steps.js';

export function explain(step: StepDraft, lang: Lang): string {
  return say(lang, 'steps', step.code, step.params);
}

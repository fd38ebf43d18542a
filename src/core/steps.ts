// A step of the explanation before it is put into words: the article, what happened, and its figures.
export interface StepDraft {
  rule: string;
  code: string;
  params?: Record<string, unknown>;
}

/**
 * Where the steps of an evaluation go: null when no trace is asked for (bulk use). Every step is written
 * `steps?.push({...})`: an optional call skips its arguments, so an untraced evaluation builds no step at all.
 */
export type Steps = StepDraft[] | null;

// A step of the explanation before it is put into words: the article, what happened, and its figures.
export interface StepDraft {
  rule: string;
  code: string;
  params?: Record<string, unknown>;
}

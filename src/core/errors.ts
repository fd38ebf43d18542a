// An error before it is put into words: its contract code, the JSON path at fault, a message key (src/messages)
// and its figures. The engine's caches keep drafts, which do not depend on the language.
import type { Lang } from '../messages/index.js';
import { say } from '../messages/index.js';
import type { ErrorCode, QuantumError } from './contract.js';

export interface ErrorDraft { code: ErrorCode; path: string | null; key: string; params?: Record<string, unknown>; suggestions?: string[] }

export function renderError(e: ErrorDraft, lang: Lang): QuantumError {
  let message = say(lang, 'errors', e.key, e.params);
  if (e.suggestions?.length && (e.code === 'UNKNOWN_PROVISION')) message += say(lang, 'errors', 'E_DID_YOU_MEAN', { suggestions: e.suggestions });
  const out: QuantumError = { code: e.code, message, path: e.path };
  if (e.suggestions) out.suggestions = e.suggestions;
  return out;
}

export const draft = (code: ErrorCode, path: string | null, key: string, params?: Record<string, unknown>): ErrorDraft =>
  (params ? { code, path, key, params } : { code, path, key });

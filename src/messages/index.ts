// The words of quantum, one module per language (zod keeps its locales likewise): fr.ts, en.ts. Nothing else in
// src/ holds a sentence a user reads.
import { fr } from './fr.js';
import { en } from './en.js';
import type { Lang } from './units.js';

export type { Lang } from './units.js';
export type Messages = typeof fr;
export const MESSAGES: Record<Lang, Messages> = { fr, en };
export const LANGS: readonly Lang[] = ['fr', 'en'];

/** A message with parameters, or the key itself when the language has no such message (never throws). */
export function say(lang: Lang, group: 'steps' | 'warnings' | 'errors', key: string, params: Record<string, unknown> = {}): string {
  const phrase = (MESSAGES[lang][group] as Record<string, ((p: Record<string, any>) => string) | undefined>)[key];
  return phrase ? phrase(params) : key;
}

/** The problems of a rules directory, by key (src/rules words them as it finds them, in the language asked for). */
export type RulesIssues = Messages['rules']['issues'];
export type RulesIssueKey = keyof RulesIssues;
/** The keys a rules schema names in its `error` options (src/schema/rules.ts): messages with no parameter. */
export type SchemaIssueKey = { [K in RulesIssueKey]: Parameters<RulesIssues[K]> extends [] ? K : never }[RulesIssueKey];

// Builds throw-away rules directories: the real general part plus fictitious articles ("9xx-…") that
// exercise one mechanism each. Fictitious penalties never reach the shipped rules/.
import { cpSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleFileName, DEFAULT_RULES_DIR, loadRules } from '../src/rules/load.js';
import type { Rules } from '../src/core/model.js';

export const SRC = ['https://example.org/fixture'];

export function version(from: string, to: string | null, penalty: unknown, extra: Record<string, unknown> = {}) {
  return { from, to, amendedBy: `fixture text of ${from}`, sources: SRC, status: 'text', penalty, ...extra };
}

export function article(no: string, provisions: unknown[], code = 'CP') {
  return { code, article: no, label: { fr: `article fictif ${no}`, en: `fictitious article ${no}` }, provisions };
}

export function provision(ref: string, versions: unknown[], extra: Record<string, unknown> = {}) {
  return { ref, label: { fr: `disposition ${ref}`, en: `provision ${ref}` }, versions, ...extra };
}

export function rulesDir(articles: Record<string, unknown>[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'quantum-rules-'));
  mkdirSync(join(dir, 'general'));
  cpSync(join(DEFAULT_RULES_DIR, 'general'), join(dir, 'general'), { recursive: true });
  writeFileSync(join(dir, 'dataset.json'), JSON.stringify({ version: '2026.1.0' }));
  cpSync(join(DEFAULT_RULES_DIR, 'codes.json'), join(dir, 'codes.json'));
  for (const a of articles) {
    const { code = 'CP', article: no } = a as { code?: string; article: string };
    mkdirSync(join(dir, code), { recursive: true });
    writeFileSync(join(dir, code, articleFileName(no)), JSON.stringify({ code, ...a }, null, 2));
  }
  return dir;
}

export function fixtureRules(articles: Record<string, unknown>[]): Rules {
  return loadRules(rulesDir(articles));
}

export const E = (months: number) => ({ kind: 'emprisonnement', months });
export const RC = (months: number) => ({ kind: 'reclusion-criminelle', months });

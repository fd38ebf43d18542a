// The shape of the code, checked: layers import only downward (as zod guards its import graph), no cycles, short
// functions, every module's declared inputs and parameters are what it really reads, every parameter is read,
// results share nothing mutable, every message exists in both languages, and no legal figure sits in src/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { evaluate, loadRules } from '../src/index.js';
import type { Case, Charge } from '../src/core/contract.js';
import type { Rules } from '../src/core/model.js';
import { CASE_MODULES, CHARGE_PIPELINE, PIPELINE_READS } from '../src/core/pipeline.js';
import { caseContext } from '../src/core/engine.js';
import { runPipeline, startCharge } from '../src/core/charge.js';
import type { CaseCtx, ChargeModule, ChargeState, Input } from '../src/core/law/types.js';
import { chargeSchema } from '../src/schema/case.js';
import { crossCheck } from '../src/rules/validate.js';
import { describeProvision } from '../src/core/describe.js';
import { MESSAGES } from '../src/messages/index.js';
import { parseCase } from '../src/io/case.js';

const SRC = resolve(dirname(new URL(import.meta.url).pathname), '../src');
const files: string[] = [];
(function walk(d: string) {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p); else if (/\.tsx?$/.test(f)) files.push(p);
  }
})(SRC);
const rel = (f: string) => relative(SRC, f);

/** Runtime imports of a source file (type-only imports and re-exports left out), resolved to src/ paths or packages. */
function imports(file: string): { target: string; dynamic: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const out: { target: string; dynamic: boolean }[] = [];
  const add = (spec: string, dynamic: boolean) => {
    const target = spec.startsWith('.') ? rel(resolve(dirname(file), spec)).replace(/\.js$/, '') : spec;
    out.push({ target, dynamic });
  };
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;'"]*?from\s+'([^']+)'/gm)) add(m[1]!, false);
  for (const m of text.matchAll(/^import\s+'([^']+)'/gm)) add(m[1]!, false);
  for (const m of text.matchAll(/\bimport\('([^']+)'\)/g)) add(m[1]!, true);
  return out;
}
const layer = (p: string) => (p === 'index' || p === 'api' ? p : p.split('/')[0]!);

// What each layer may load at run time: src/ layers and packages. Type-only imports are free (they vanish).
const ALLOWED: Record<string, { layers: string[]; packages: RegExp }> = {
  schema: { layers: ['schema'], packages: /^zod(\/mini)?$/ },
  messages: { layers: ['messages'], packages: /^decimal\.js$/ },
  core: { layers: ['core', 'messages', 'schema/version'], packages: /^decimal\.js$/ },
  rules: { layers: ['rules', 'core', 'schema', 'messages'], packages: /^(zod|node:.*)$/ },
  io: { layers: ['io', 'core', 'schema', 'messages'], packages: /^(zod\/mini|node:.*)$/ },
  // The API over loaded rules (api.ts), and the library's entry point, which adds the validating loader (index.ts).
  api: { layers: ['api', 'core', 'io', 'schema', 'messages'], packages: /^$/ },
  index: { layers: ['index', 'api', 'rules'], packages: /^$/ },
  cli: { layers: ['cli', 'api', 'io', 'rules', 'core', 'schema', 'messages', 'ui'], packages: /^(yargs(\/helpers)?|zod|node:.*)$/ },
  ui: { layers: ['ui', 'api', 'messages', 'io/shorthand', 'io/dates', 'io/terminal', 'io/total-sources', 'io/wrap', 'io/user-terms', 'schema/amount'], packages: /^(ink|react|node:.*)$/ },
};

describe('architecture', () => {
  it('each layer imports only what it may: core no io/cli/ui/rules, the UI only the library API', () => {
    const bad: string[] = [];
    for (const f of files) {
      const from = rel(f).replace(/\.tsx?$/, '');
      const allowed = ALLOWED[layer(from)]!;
      for (const { target, dynamic } of imports(f)) {
        const isSrc = !/^[@a-z]/.test(target) || ['index', 'api', 'core', 'io', 'rules', 'schema', 'messages', 'cli', 'ui'].includes(target.split('/')[0]!);
        if (isSrc) {
          const ok = allowed.layers.some((l) => target === l || target.startsWith(`${l}/`) || layer(target) === l);
          // The command line loads the terminal UI only on demand (quantum tui).
          const uiFromCli = layer(from) === 'cli' && layer(target) === 'ui' && !dynamic;
          if (!ok || uiFromCli) bad.push(`${from} -> ${target}${dynamic ? ' (dynamic)' : ''}`);
        } else if (!allowed.packages.test(target)) bad.push(`${from} -> package ${target}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has no import cycle', () => {
    const graph = new Map(files.map((f) => [rel(f).replace(/\.tsx?$/, ''), imports(f).filter((i) => !i.dynamic).map((i) => i.target)]));
    const cycles: string[] = [];
    const state = new Map<string, number>();
    const visit = (n: string, path: string[]) => {
      if (state.get(n) === 2 || !graph.has(n)) return;
      if (state.get(n) === 1) { cycles.push([...path.slice(path.indexOf(n)), n].join(' -> ')); return; }
      state.set(n, 1);
      for (const m of graph.get(n)!) visit(m, [...path, n]);
      state.set(n, 2);
    };
    for (const n of graph.keys()) visit(n, []);
    expect(cycles).toEqual([]);
  });

  it('no function in src/ is longer than 80 lines', () => {
    const long: string[] = [];
    for (const f of files) {
      const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (n: ts.Node) => {
        if (ts.isFunctionLike(n) && (n as ts.FunctionLikeDeclaration).body) {
          const a = sf.getLineAndCharacterOfPosition(n.getStart()).line, b = sf.getLineAndCharacterOfPosition(n.getEnd()).line;
          if (b - a + 1 > 80) long.push(`${rel(f)}:${a + 1} (${b - a + 1} lines)`);
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
    expect(long).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Declarations against reality: each module runs on watched inputs, parameters and rules.

const rules = loadRules();
const golden = readdirSync(new URL('./golden/', import.meta.url)).filter((f) => f.endsWith('.json'))
  .flatMap((f) => (JSON.parse(readFileSync(new URL(`./golden/${f}`, import.meta.url), 'utf8')) as { case: unknown }[]).map((g) => g.case))
  // As the engine receives them: parsed (French amounts "2 000 000,50", an offender given as "legal"); bad ones dropped.
  .flatMap((c) => { const p = parseCase(c); return p.ok ? [p.case as Case] : []; });
// Cases that exercise every input: all golden cases plus a few that give every option at once.
const extra: Case[] = [
  { date: '2024-05-01', judgmentDate: '2026-11-29', offender: { type: 'legal', priors: [{ ref: '222-37', final: '2019-01-01' }] }, charges: [{ ref: '222-37', attempt: true, accomplice: true, aggravations: ['132-79'] }, { ref: '324-1', amount: '5000000', predicate: '222-34' }] },
  { date: '2024-05-01', judgmentDate: '2026-11-29', offender: { priors: [{ ref: '311-3', final: '2020-01-01' }] }, charges: [{ ref: '311-3' }, { ref: '450-1', predicate: '222-37' }, { ref: 'R625-1', accomplice: true }] },
  { date: '2024-05-01', judgmentDate: '2026-11-29', offender: { birthDate: '2007-06-01' }, charges: [{ ref: '222-37', repentis: 'reduced' }, { ref: '222-37', attempt: true, repentis: 'exempt' }, { ref: '434-27 al. 2', relatedTo: [0] }, { ref: 'R625-1' }] },
];
const allCases = [...golden, ...extra];

/** Runs each case's charges through the pipeline, every module seeing watched charge and case objects. */
function watchModules(r: Rules, onRead: (m: ChargeModule, what: string) => void, onEnter: (m: ChargeModule | null) => void = () => {}): void {
  for (const c of allCases) {
    const ctx = caseContext(r, c, { today: '2026-11-29', trace: true, lang: 'fr' });
    for (const m of CHARGE_PIPELINE) m.prepare?.(ctx, c.offender?.priors ?? []);
    c.charges.forEach((charge, i) => {
      const started = startCharge(ctx, charge, i);
      if ('key' in started) return;
      const watched = CHARGE_PIPELINE.map((m) => ({
        ...m,
        apply(s: ChargeState, cc: CaseCtx) {
          const chargeProxy = new Proxy(s.charge, { get(t, k) { onRead(m, `charge.${String(k)}`); return (t as never)[k]; } });
          const sProxy = new Proxy(s, { get(t, k) { return k === 'charge' ? chargeProxy : (t as never)[k]; }, set(t, k, v) { (t as never as Record<string, unknown>)[k as string] = v; return true; } });
          const cProxy = new Proxy(cc, { get(t, k) { if (k === 'legal') onRead(m, 'offender.type'); if (k === 'priors') onRead(m, 'offender.priors'); if (k === 'birthDate') onRead(m, 'offender.birthDate'); return (t as never)[k]; } });
          onEnter(m);
          try { m.apply(sProxy as ChargeState, cProxy as CaseCtx); } finally { onEnter(null); }
        },
      }));
      runPipeline(started.s, ctx, watched);
    });
  }
}

describe('law modules: declarations are what the code reads', () => {
  it('each module reads only the inputs it declares (the fast path keys its memo on them)', () => {
    const undeclared = new Set<string>();
    watchModules(rules, (m, what) => { if (!(m.reads as readonly string[]).includes(what)) undeclared.add(`${m.id}: ${what}`); });
    expect([...undeclared]).toEqual([]);
  });

  it('every field of a charge is read by some module (or by the resolver): none can be dropped silently', () => {
    const resolver = ['ref', 'date'];
    // The charge pipeline's reads, and the case-level modules' (a cumulation clause reads relatedTo).
    const read = new Set([...PIPELINE_READS, ...CASE_MODULES.flatMap((m) => m.reads)].filter((x) => x.startsWith('charge.')).map((x) => x.slice(7)));
    const fields = Object.keys(chargeSchema.shape).filter((f) => !resolver.includes(f));
    expect(fields.filter((f) => !read.has(f))).toEqual([]);
  });

  it('every general parameter is read, and each module reads only the parameters it declares', () => {
    const seen = new Set<string>();
    let current: ChargeModule | null = null;
    const undeclared = new Set<string>();
    const general = new Proxy(rules.general, { get(t, k) { seen.add(String(k)); if (current && !(current.params as readonly string[]).includes(String(k))) undeclared.add(`${current.id}: ${String(k)}`); return (t as never)[k]; } });
    const watched = { ...rules, general } as Rules;
    watchModules(watched, () => {}, (m) => { current = m; });
    current = null;
    for (const c of allCases) evaluate(watched, c, { today: '2026-11-29' });
    for (const p of watched.provisions.values()) describeProvision(watched, p, '2024-01-01');
    crossCheck(watched);
    expect(Object.keys(rules.general).filter((k) => !seen.has(k))).toEqual([]);
    expect([...undeclared]).toEqual([]);
  });
});

describe('results are independent of each other and of the rules', () => {
  const mutateDeep = (o: unknown, depth = 0): void => {
    if (o === null || typeof o !== 'object' || depth > 8) return;
    for (const k of Object.keys(o)) {
      const v = (o as Record<string, unknown>)[k];
      try { (o as Record<string, unknown>)[k] = typeof v === 'string' ? 'MUTATED' : typeof v === 'number' ? -1 : v; } catch { /* frozen: fine */ }
      if (Array.isArray(v)) { try { v.push('MUTATED'); } catch { /* frozen */ } }
      mutateDeep(v, depth + 1);
    }
  };
  const theCase: Case = { date: '2024-05-01', judgmentDate: '2026-11-29', charges: [{ ref: '323-3-2 III' }, { ref: '225-5' }, { ref: 'R625-1' }] };
  for (const [name, opts] of [['full', {}], ['lean (memoised)', { lean: true }]] as const) {
    it(`${name}: changing a result deeply changes neither the next result nor the rules`, () => {
      const before = JSON.stringify(evaluate(rules, theCase, { today: '2026-11-29', ...opts }));
      const rulesBefore = JSON.stringify([...rules.provisions.values()].slice(0, 50));
      for (let i = 0; i < 3; i++) mutateDeep(evaluate(rules, theCase, { today: '2026-11-29', ...opts }));
      expect(JSON.stringify(evaluate(rules, theCase, { today: '2026-11-29', ...opts }))).toBe(before);
      expect(JSON.stringify([...rules.provisions.values()].slice(0, 50))).toBe(rulesBefore);
    });
  }
});

describe('messages', () => {
  it('French and English have the same messages, and every step and warning the engine emits has one', () => {
    // yargs's own strings are translated for French only (English is yargs's own language).
    const keys = (o: object, prefix = ''): string[] => Object.entries(o).filter(([k]) => `${prefix}${k}` !== 'cli.help.yargs').flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(MESSAGES.en).sort()).toEqual(keys(MESSAGES.fr).sort());
    const src = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    const steps = [...src.matchAll(/rule: [^,]+, code: '([A-Z_]+)'/g)].map((m) => m[1]!);
    const warnings = [...src.matchAll(/key: '(W_[A-Z_]+)'/g)].map((m) => m[1]!);
    const errors = [...src.matchAll(/'(E_[A-Z_]+)'/g)].map((m) => m[1]!);
    expect(steps.filter((k) => !(k in MESSAGES.fr.steps))).toEqual([]);
    expect(warnings.filter((k) => !(k in MESSAGES.fr.warnings))).toEqual([]);
    expect(errors.filter((k) => !(k in MESSAGES.fr.errors))).toEqual([]);
  });
});

describe('the law lives in rules/, not in src/', () => {
  it('no date and no penalty figure is written in the code (views take them from results and data)', () => {
    const found: string[] = [];
    for (const f of files) {
      readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
        if (/^\s*(\/\/|\*|\/\*)/.test(line)) return; // comments may cite the law
        if (/\.example\(|'\$0 |EXAMPLE|e\.g\.|par ex\.|ex\. |'0 mois'|'0 months'/.test(line)) return; // usage examples, and zero as a duration
        // Validation bounds of user input (dates 1900-2199) are not law.
        const dates = [...line.matchAll(/\b(1[89]\d\d|20\d\d|21\d\d)-\d\d-\d\d\b/g)].map((m) => m[0]).filter((d) => !['1900-01-01', '2199-12-31'].includes(d));
        const figures = line.match(/\b\d+ (ans?|years?|mois|months?)\b|\b\d[\d ]* ?€|€\d/);
        if (dates.length || figures) found.push(`${rel(f)}:${i + 1}: ${line.trim().slice(0, 100)}`);
      });
    }
    expect(found).toEqual([]);
  });
});

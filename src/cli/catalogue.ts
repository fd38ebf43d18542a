// `quantum show` and `quantum list`: the catalogue, a provision (or a whole article) at a date.
import type { Argv } from 'yargs';
import type { Aggravation, Lang, Rules } from '../core/model.js';
import { aggravationNamed } from '../core/model.js';
import { MESSAGES } from '../messages/index.js';
import { catalogueDate, type Common, EXIT, InputError, loadRulesFor, localToday, textWidth } from './common.js';
import { wrapText } from '../io/wrap.js';

export function showBuilder(y: Argv, lang: Lang): Argv {
  const h = MESSAGES[lang].cli.help;
  return y.positional('ref', { type: 'string', demandOption: true, describe: h.showRef })
    .option('date', { type: 'string', describe: h.showDate })
    .option('notes', { type: 'boolean', default: false, describe: h.notes })
    .option('width', { type: 'number', describe: h.width });
}

export async function showCommand(argv: Common & { ref: string; date?: string; notes: boolean; width?: number }): Promise<number> {
  const date = catalogueDate('date', argv.date, argv.lang) ?? localToday();
  const width = textWidth(argv.width);
  // The versions' notes only when shown (--notes) or given whole (--json).
  const rules = await loadRulesFor(argv, { notes: argv.notes || argv.json, lazy: true });
  const [{ resolve, describeProvision, articleOf }, { formatProvision }] = await Promise.all([import('../api.js'), import('../io/text.js')]);
  const r = resolve(rules, argv.ref, argv.lang);
  // An article whose tiers differ is shown whole: every tier, one after the other.
  const provisions = r.ok ? [r.provision] : articleOf(rules, argv.ref);
  // A general aggravation (132-76, 421-3) is not a provision: shown with what it reaches.
  const general = provisions.length ? undefined : aggravationNamed(rules, argv.ref);
  if (general) return showAggravation(rules, general, date, width, argv);
  if (!provisions.length) throw new InputError(r.ok ? { code: 'UNKNOWN_PROVISION', path: 'ref', message: argv.ref } : r.error);
  if (argv.json) {
    const views = provisions.map((p) => {
      const v = describeProvision(rules, p, date);
      return { ...p, inForce: v.version ? { from: v.version.from, nature: v.nature, prison: v.prison, fine: v.fine, tiers: v.tiers } : null };
    });
    process.stdout.write(`${JSON.stringify(views.length === 1 ? views[0] : views, null, 2)}\n`);
  } else {
    const items = r.ok ? r.items : undefined;
    process.stdout.write(wrapText(provisions.map((p) => formatProvision(rules, p, date, argv.lang, { notes: argv.notes, items })).join('\n'), width));
  }
  return EXIT.ok;
}

async function showAggravation(rules: Rules, ag: Aggravation, date: string, width: number, argv: Common & { notes: boolean }): Promise<number> {
  const [{ at }, { formatAggravation }] = await Promise.all([import('../core/dates.js'), import('../io/text.js')]);
  if (argv.json) process.stdout.write(`${JSON.stringify({ ...ag, inForce: at(ag.values, date) ?? null }, null, 2)}\n`);
  else process.stdout.write(wrapText(formatAggravation(rules, ag, date, argv.lang, { notes: argv.notes }), width));
  return EXIT.ok;
}

export function listBuilder(y: Argv, lang: Lang): Argv {
  const h = MESSAGES[lang].cli.help;
  return y.positional('words', { type: 'string', array: true }).option('date', { type: 'string', describe: h.listDate })
    .option('width', { type: 'number', describe: h.width });
}

export async function listCommand(argv: Common & { words?: string[]; date?: string; width?: number }): Promise<number> {
  const date = catalogueDate('date', argv.date, argv.lang) ?? localToday();
  const width = textWidth(argv.width);
  const rules = await loadRulesFor(argv, { notes: false, lazy: true });
  const [{ describeProvision, searchAggravations, searchProvisions }, { formatList }] = await Promise.all([import('../api.js'), import('../io/text.js')]);
  const words = (argv.words ?? []).map(String);
  const found = searchProvisions(rules, words);
  const general = argv.json ? [] : searchAggravations(rules, words);
  if (argv.json) {
    const rows = found.map((p) => {
      const v = describeProvision(rules, p, date);
      return {
        ref: p.ref, code: p.code, article: p.article, kind: p.kind, label: p.label.fr, labels: p.label, aliases: p.aliases ?? [], items: v.items,
        nature: v.nature, prison: v.prison, fine: v.fine, dependsOnPredicate: v.dependsOn === 'predicate',
        versions: p.versions.map((x) => ({ from: x.from, to: x.to, amendedBy: x.amendedBy, status: x.status, sources: x.sources })),
        sources: [...new Set(p.versions.flatMap((x) => x.sources))],
      };
    });
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    process.stdout.write(wrapText(formatList(rules, found, date, argv.lang, general), width));
  }
  // Nothing found is an answer a script must be able to tell from a match.
  return found.length || general.length ? EXIT.ok : EXIT.input;
}

// Display of durations, amounts and dates (French by default), shared by the trace and every view.
export type Lang = 'fr' | 'en';
export type PrisonKind = 'emprisonnement' | 'reclusion-criminelle' | 'detention-criminelle';
/** A custodial maximum as results give it. */
export interface PrisonOut { kind: PrisonKind; months: number | null; life: boolean }

export function formatMoney(amount: string, lang: Lang): string {
  const [int, frac] = amount.split('.');
  const sep = lang === 'fr' ? ' ' : ','; // plain spaces: greppable, as lawyers type it
  const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const cents = frac ? (lang === 'fr' ? ',' : '.') + frac.padEnd(2, '0') : '';
  return lang === 'fr' ? `${grouped}${cents} €` : `€${grouped}${cents}`;
}

export function formatDuration(months: number, lang: Lang): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  const parts: string[] = [];
  // A sum of thousands of charges runs to thousands of years: grouped as money is ("30 000 ans").
  const n = (x: number) => (x >= 10_000 ? String(x).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'fr' ? ' ' : ',') : String(x));
  if (lang === 'fr') {
    if (y) parts.push(`${n(y)} an${y > 1 ? 's' : ''}`);
    if (m) parts.push(`${m} mois`);
    return parts.join(' et ') || '0 mois';
  }
  if (y) parts.push(`${n(y)} year${y > 1 ? 's' : ''}`);
  if (m) parts.push(`${m} month${m > 1 ? 's' : ''}`);
  return parts.join(' and ') || '0 months';
}

const KIND: Record<PrisonKind, Label2> = {
  'emprisonnement': { fr: "d'emprisonnement", en: 'imprisonment', frLife: 'emprisonnement à perpétuité' },
  'reclusion-criminelle': { fr: 'de réclusion criminelle', en: 'criminal imprisonment (réclusion)', frLife: 'réclusion criminelle à perpétuité' },
  'detention-criminelle': { fr: 'de détention criminelle', en: 'criminal detention (détention)', frLife: 'détention criminelle à perpétuité' },
};
interface Label2 { fr: string; en: string; frLife: string }

export function formatPrison(p: PrisonOut, lang: Lang): string {
  const k = KIND[p.kind];
  if (p.life) return lang === 'fr' ? k.frLife : `life ${k.en}`;
  const d = formatDuration(p.months ?? 0, lang);
  // English puts the duration in the possessive: "10 years' imprisonment", "1 year's imprisonment".
  return lang === 'fr' ? `${d} ${k.fr}` : `${d}${d.endsWith('s') ? "'" : "'s"} ${k.en}`;
}

export function formatDate(d: string, lang: Lang): string {
  const [y, m, day] = d.split('-');
  return lang === 'fr' ? `${day}/${m}/${y}` : d;
}

/** The arithmetic sum of custodial maxima: "perpétuité + 10 ans" when life is among them. */
export function formatSumPrison(p: { months: number; life: boolean }, lang: Lang): string {
  if (!p.life) return formatDuration(p.months, lang);
  return `${lang === 'fr' ? 'perpétuité' : 'life'}${p.months ? ` + ${formatDuration(p.months, lang)}` : ''}`;
}

/** A penalty as "custody ; fine", leaving out what is absent (null when both are). */
export function formatPenalty(prison: PrisonOut | null, fine: string | null, lang: Lang): string | null {
  const parts = [prison ? formatPrison(prison, lang) : null, fine ? formatMoney(fine, lang) : null].filter(Boolean);
  return parts.length ? parts.join(lang === 'fr' ? ' ; ' : '; ') : null;
}

/** An article's tiers as errors name them (core/refs.ts, tierList): each with its items, and its repeal date. */
export function formatTiers(ts: readonly { ref: string; items: string[]; repealed: string | null }[], lang: Lang): string {
  const repealed = lang === 'fr' ? 'abrogé le' : 'repealed on';
  // A tier's items name it too ("presse 24 bis 1°" is al. 2): said as such, apart from the ref, which is what an
  // error's suggestions give ("presse 24 bis al. 2 (ou son 1°)", not "presse 24 bis al. 2 (1°)").
  const its = (items: string[]) => (lang === 'fr' ? `ou ${items.length > 1 ? 'ses' : 'son'} ${items.join(', ')}` : `or its ${items.join(', ')}`);
  return ts.map((t) => `${t.ref}${t.items.length ? ` (${its(t.items)})` : ''}${t.repealed ? ` [${repealed} ${formatDate(t.repealed, lang)}]` : ''}`).join(', ');
}

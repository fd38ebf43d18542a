// A deliberately simple, independent oracle for the concours rule (132-3, 132-5, 132-7): given the
// per-charge maxima, what must the total be? Written from the articles, not from the engine's code.
export interface OracleCharge {
  punishable: boolean;
  nature: 'crime' | 'delit' | 'contravention' | null;
  prison: { months: number | null; life: boolean; kind: string } | null;
  fine: string | null;
}

export function oracleTotal(charges: OracleCharge[]) {
  const live = charges.filter((c) => c.punishable);
  // 132-5 al. 1: custodial penalties are one nature; the highest maximum, life above any term.
  let life = false;
  let months = -1;
  for (const c of live) {
    if (!c.prison) continue;
    if (c.prison.life) life = true;
    else months = Math.max(months, c.prison.months ?? 0);
  }
  // 132-3: one crime/délit fine within the highest maximum; 132-7: contravention fines add up.
  let cap = 0n, contraventions = 0n, anyFine = false;
  const cents = (s: string) => { const [i, f = ''] = s.split('.'); return BigInt(i!) * 100n + BigInt((f + '00').slice(0, 2)); };
  for (const c of live) {
    if (c.fine === null) continue;
    anyFine = true;
    if (c.nature === 'contravention') contraventions += cents(c.fine);
    else if (cents(c.fine) > cap) cap = cents(c.fine);
  }
  const show = (n: bigint) => (n % 100n === 0n ? String(n / 100n) : `${n / 100n}.${String(n % 100n).padStart(2, '0').replace(/0$/, '')}`);
  return {
    prisonLife: life,
    prisonMonths: life ? null : months >= 0 ? months : null,
    fine: anyFine ? show(cap + contraventions) : null,
  };
}

/**
 * The minors' excuse under the CJPM (facts from 30 September 2021, judged since), from its articles: L121-5 halves
 * the custodial maximum and brings life down to 20 years; L121-6 halves the fine within 7 500 €; L121-7 (from 16)
 * lets the court set both aside, life then becoming 30 years. Figures from the texts, not from the rules data.
 */
export function oracleMinor(adult: { prison: { months: number | null; life: boolean; kind: string } | null; fine: string | null }, age: number) {
  const halfMonths = (p: NonNullable<typeof adult.prison>) => (p.life ? 240 : Math.floor((p.months ?? 0) / 2));
  const cents = (s: string) => { const [i, f = ''] = s.split('.'); return BigInt(i!) * 100n + BigInt((f + '00').slice(0, 2)); };
  const fine = adult.fine === null ? null : (() => { const half = cents(adult.fine) / 2n; return half > 750000n ? 750000n : half; })();
  return {
    prisonMonths: adult.prison ? halfMonths(adult.prison) : null,
    fineCents: fine,
    withoutExcuseMonths: age >= 16 && adult.prison ? (adult.prison.life ? 360 : adult.prison.months) : null,
  };
}

/**
 * A clause that sets 132-2 to 132-5 aside (434-31, route L233-1 II): the charges it adds come on top of the
 * ordinary cap of the others.
 */
export function oracleWithAdded(charges: OracleCharge[], added: boolean[]) {
  const base = oracleTotal(charges.map((c, i) => (added[i] ? { ...c, punishable: false } : c)));
  let months = base.prisonMonths ?? 0, life = base.prisonLife, anyPrison = base.prisonLife || base.prisonMonths !== null;
  const cents = (s: string) => { const [i, f = ''] = s.split('.'); return BigInt(i!) * 100n + BigInt((f + '00').slice(0, 2)); };
  let fine = base.fine === null ? null : cents(base.fine);
  for (let i = 0; i < charges.length; i++) {
    const c = charges[i]!;
    if (!added[i] || !c.punishable) continue;
    if (c.prison) { anyPrison = true; if (c.prison.life) life = true; else months += c.prison.months ?? 0; }
    if (c.fine !== null) fine = (fine ?? 0n) + cents(c.fine);
  }
  const show = (n: bigint) => (n % 100n === 0n ? String(n / 100n) : `${n / 100n}.${String(n % 100n).padStart(2, '0').replace(/0$/, '')}`);
  return { prisonLife: life, prisonMonths: life || !anyPrison ? null : months, fine: fine === null ? null : show(fine) };
}

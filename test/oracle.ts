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

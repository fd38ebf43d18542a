// The one-line summary `quantum batch` writes on stderr when it ends.
import type { Lang } from '../core/model.js';

export interface SummaryData { cases: number; failed: number; ms: number; interrupted: string | null; peakRssBytes: number }

export function formatSummary(s: SummaryData, lang: Lang): string {
  const secs = s.ms / 1000;
  const rate = Math.round(s.cases / Math.max(secs, 1e-3));
  const mb = Math.round(s.peakRssBytes / 1048576);
  if (lang === 'fr') {
    const n = (x: number) => x.toLocaleString('fr-FR').replace(/\s/g, ' ');
    const stop = s.interrupted === 'SIGINT' ? ' (interrompu)' : s.interrupted === 'EPIPE' ? ' (sortie fermée)' : '';
    return `quantum batch : ${n(s.cases)} cas, ${n(s.failed)} en erreur, ${secs.toFixed(2).replace('.', ',')} s, ${n(rate)} cas/s, mémoire max ${mb} Mo${stop}\n`;
  }
  const stop = s.interrupted === 'SIGINT' ? ' (interrupted)' : s.interrupted === 'EPIPE' ? ' (output closed)' : '';
  return `quantum batch: ${s.cases} cases, ${s.failed} failed, ${secs.toFixed(2)} s, ${rate} cases/s, peak memory ${mb} MB${stop}\n`;
}

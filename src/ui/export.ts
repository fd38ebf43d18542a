// The UI's export: the case as contract JSON and a Markdown report, written beside each other. A file is never
// overwritten and a link planted at the name is never followed: each file is created exclusively, with a unique
// name (a counter after the timestamp when one already exists).
import { closeSync, constants, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Creates `dir/name` exclusively (not following links); false if the name is taken. */
function createNew(dir: string, name: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(join(dir, name), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST' || (e as NodeJS.ErrnoException).code === 'ELOOP') return false;
    throw e;
  }
  try { writeSync(fd, text); } finally { closeSync(fd); }
  return true;
}

/** Writes the case and the report under names not yet used; returns the names. */
export function exportCase(dir: string, stamp: string, caseJson: string, report: string): string[] {
  for (let n = 0; n < 1000; n++) {
    const suffix = n ? `-${n + 1}` : '';
    const names = [`quantum-case-${stamp}${suffix}.json`, `quantum-report-${stamp}${suffix}.md`];
    if (!createNew(dir, names[0]!, caseJson)) continue;
    if (!createNew(dir, names[1]!, report)) { unlinkSync(join(dir, names[0]!)); continue; }
    return names;
  }
  throw Object.assign(new Error('no free file name'), { code: 'EEXIST' });
}

export function stampOf(d: Date): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p2(d.getMonth() + 1)}${p2(d.getDate())}-${p2(d.getHours())}${p2(d.getMinutes())}${p2(d.getSeconds())}`;
}

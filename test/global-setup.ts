// The suite's temporary files (fixture rules directories, batch outputs, exports) go under one directory of its own,
// removed when the run ends: a run never leaves copies of the rules behind in the system's temporary directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'quantum-tests-'));
  // Workers and the CLI processes the tests spawn inherit it: os.tmpdir() reads TMPDIR.
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}

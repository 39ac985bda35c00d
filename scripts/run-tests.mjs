// Runs every *.test.ts under src/ and test/ with node's test runner (each file in its own process).
// Node 20's --test takes no globs, so the files are listed here.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['src', 'test'];
const files = roots.flatMap((root) => readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.test\.tsx?$/.test(e.name))
  .map((e) => join(e.parentPath ?? e.path, e.name)))
  .sort();
const filter = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const selected = filter.length ? files.filter((f) => filter.some((pattern) => f.includes(pattern))) : files;
if (selected.length === 0) {
  console.error('No test files matched.');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...selected], { stdio: 'inherit' });
process.exit(result.status ?? 1);

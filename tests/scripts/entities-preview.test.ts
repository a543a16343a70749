// The entities:preview command, run as a user would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'reperes-entities-preview-'));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/entities-preview.ts'), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
  });

describe('entities:preview', { timeout: 30_000 }, () => {
  it('prints the entities and problems of a list as JSON, with --type for entries that give none', () => {
    const file = join(dir, 'list.csv');
    writeFileSync(file, 'name,aliases,description\nPort Quillan,Quillan|PQ,A fictional town\n,,Only a description\n');
    const out = run('--json', '--type', 'lieu', file);
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      entities: [{ name: 'Port Quillan', type: 'place', aliases: ['Quillan', 'PQ'], description: 'A fictional town' }],
      problems: [{ line: 3, severity: 'warning', message: 'no name: this entry is skipped' }],
    });
  });

  it('exits 2 with one line on stderr when the file cannot be read', () => {
    const out = run('--json', join(dir, 'missing.csv'));
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^entities:preview: cannot read .*missing\.csv: ENOENT$/)]);
    expect(run('--type', 'robot', 'x.csv').status).toBe(2);
  });
});

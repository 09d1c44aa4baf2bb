import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPostgresBinaries } from './server-binaries';

const root = mkdtempSync(path.join(tmpdir(), 'sawtooth-pgbin-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder holding (empty stand-ins for) the four binaries the cluster runs. */
function binFolder(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const name of ['initdb', 'pg_ctl', 'postgres', 'createdb']) writeFileSync(path.join(dir, name), '', { mode: 0o755 });
  return dir;
}

describe('finding the PostgreSQL server binaries', () => {
  it('follows initdb on PATH to its real folder (Debian links only some binaries into PATH)', () => {
    const real = binFolder(path.join(root, 'lib', '15', 'bin'));
    const linked = path.join(root, 'local-bin');
    mkdirSync(linked);
    symlinkSync(path.join(real, 'initdb'), path.join(linked, 'initdb'));
    const found = findPostgresBinaries({ onPath: (n) => (n === 'initdb' ? path.join(linked, 'initdb') : null), debianRoot: path.join(root, 'none') });
    expect(found).toEqual({ dir: real, initdb: path.join(real, 'initdb'), pgCtl: path.join(real, 'pg_ctl'), createdb: path.join(real, 'createdb') });
  });

  it("falls back to the newest major of Debian's folder", () => {
    const debian = path.join(root, 'debian');
    binFolder(path.join(debian, '9', 'bin'));
    binFolder(path.join(debian, '16', 'bin'));
    mkdirSync(path.join(debian, '17', 'bin'), { recursive: true }); // a major without its server package
    expect(findPostgresBinaries({ onPath: () => null, debianRoot: debian })?.dir).toBe(path.join(debian, '16', 'bin'));
  });

  it('finds nothing when neither has them (the PostgreSQL tests then skip, saying what to install)', () => {
    expect(findPostgresBinaries({ onPath: () => null, debianRoot: path.join(root, 'absent') })).toBeNull();
  });
});

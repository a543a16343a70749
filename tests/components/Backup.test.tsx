// @vitest-environment happy-dom
// The backup section: a preview says what will change, names as text; a file
// with errors lists them and cannot be applied; nothing to change offers no
// Apply; a storage failure after the database is said.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Backup, type BackupProps } from '../../components/Backup';
import type { RestoreSummary } from '../../core/backup';
import { said } from '../../core/import/messages';

const mount = document.createElement('div');
document.body.append(mount);
afterEach(() => render(null, mount));

const noop = () => {};
const base: BackupProps = { lang: 'en', state: { phase: 'idle' }, onExport: noop, onFile: noop, onApply: noop, onCancel: noop };
const summary: RestoreSummary = {
  settings: true,
  rejections: false,
  entities: { added: 1, replaced: 2, unchanged: 0 },
  packs: { added: ['<b>beat</b>'], replaced: [], unchanged: 0 },
  collections: { added: ['archive'], replaced: [], unchanged: 1, articles: 2 },
  nothing: false,
};
const text = (selector: string) => mount.querySelector(selector)?.textContent;

describe('Backup', () => {
  it('previews what a restore changes, names as text, and applies or cancels', () => {
    const onApply = vi.fn();
    const onCancel = vi.fn();
    render(<Backup {...base} onApply={onApply} onCancel={onCancel} state={{ phase: 'preview', file: 'b.json', problems: [], summary }} />, mount);
    expect(text('.backup-preview__settings')).toBe('Settings (categories, sites, hidden names, colours): replaced by the backup’s');
    expect(text('.backup-preview__rejections')).toBe('“Not this one” choices: unchanged');
    expect(text('.backup-preview__entities')).toBe('Your entities: 1 added, 2 updated, 0 unchanged');
    expect(text('.backup-preview__packs')).toBe('Lists of names: 1 added (<b>beat</b>), 0 replaced, 0 unchanged');
    expect(mount.querySelector('.backup-preview b')).toBeNull();
    expect(text('.backup-preview__collections')).toBe('Collections: 1 added (archive), 0 replaced, 1 unchanged; 2 articles to store');
    (mount.querySelector('button[name=backup-apply]') as HTMLButtonElement).click();
    (mount.querySelector('button[name=backup-cancel]') as HTMLButtonElement).click();
    expect(onApply).toHaveBeenCalledOnce();
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('says when there is nothing to change, with no Apply', () => {
    render(<Backup {...base} state={{ phase: 'preview', file: 'b.json', problems: [], summary: { ...summary, nothing: true } }} />, mount);
    expect(text('.backup-preview__nothing')).toBe('Nothing to change: this browser already has everything this backup holds.');
    expect(mount.querySelector('button[name=backup-apply]')).toBeNull();
  });

  it('lists a damaged file’s problems in French, and cannot apply it', () => {
    const problem = {
      file: 'b.json',
      line: 12,
      severity: 'error' as const,
      ...said('backupExpected', { key: 'collections[0].meta.enabled', expected: 'boolean', raw: '"yes"' }),
    };
    render(<Backup {...base} lang="fr" state={{ phase: 'preview', file: 'b.json', problems: [problem], summary: null }} />, mount);
    expect(text('.problem')).toBe('Erreur b.json, ligne 12 : collections[0].meta.enabled : il faut true ou false, pas "yes"');
    expect(text('.backup-preview__blocked')).toContain('en entier ou pas du tout');
    expect(mount.querySelector('button[name=backup-apply]')).toBeNull();
  });

  it('says which storage items could not be written after the database was restored', () => {
    render(<Backup {...base} state={{ phase: 'restored', failed: ['settings'], detail: 'quota' }} />, mount);
    expect(text('.backup__storage-failed')).toBe(
      'The collections, lists and entities are restored, but the settings could not be written (quota). Restore the same file again: only what is missing is written.',
    );
  });

  it('exports and reads a file through its controls', () => {
    const onExport = vi.fn();
    render(<Backup {...base} onExport={onExport} />, mount);
    (mount.querySelector('button[name=backup-export]') as HTMLButtonElement).click();
    expect(onExport).toHaveBeenCalledOnce();
    expect(mount.querySelector('input[name=backup-file]')!.getAttribute('accept')).toContain('.json');
  });
});

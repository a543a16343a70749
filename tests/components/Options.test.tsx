// @vitest-environment happy-dom
import { render } from 'preact';
import { DEFAULT_APPEARANCE } from '../../core/appearance';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultName, Options, type OptionsProps } from '../../components/Options';
import type { Preview } from '../../core/import/pipeline';

const mount = document.createElement('div');
document.body.append(mount);
afterEach(() => render(null, mount));

const preview: Preview = {
  articles: [],
  mentions: [],
  problems: [
    { file: 'a.csv', row: 7, field: 'date', severity: 'error', message: '“03/04/2021” is ambiguous: write 2021-04-03' },
    { file: 'a.csv', row: 9, severity: 'warning', message: 'language not given; guessed fr' },
  ],
  ok: false,
  count: 41,
  from: '2019-01-02',
  to: '2021-12-30',
  langs: { fr: 30, en: 11 },
  entities: [
    { id: 'kabul', articles: 20 },
    { id: 'zamir-kabulov', articles: 3 },
  ],
  files: ['a.csv'],
};

const noop = () => {};
const base: OptionsProps = {
  lang: 'en',
  state: { phase: 'idle' },
  collections: [],
  entities: [],
  nameOf: (id) => ({ kabul: 'Kabul', 'zamir-kabulov': 'Zamir Kabulov' })[id] ?? id,
  entityErrors: [],
  onFiles: noop,
  onCancel: noop,
  onConfirm: noop,
  onDiscard: noop,
  onEnable: noop,
  onRename: noop,
  onExport: noop,
  onDelete: noop,
  onAddEntity: noop,
  onDeleteEntity: noop,
  appearance: DEFAULT_APPEARANCE,
  onAppearance: noop,
  packs: [],
  listState: { phase: 'idle' },
  onListFile: noop,
  onListConfirm: noop,
  onListDiscard: noop,
  onPackEnable: noop,
  onPackRename: noop,
  onPackExport: noop,
  onPackDelete: noop,
};

describe('Options', () => {
  it('credits the sources of the bundled data, GeoNames first (CC BY 4.0 asks for it)', () => {
    render(<Options {...base} state={{ phase: 'idle' }} />, mount);
    const credits = mount.querySelector('.credits')!.textContent!;
    expect(credits).toContain('GeoNames (geonames.org), CC BY 4.0');
    expect(credits).toContain('world-countries (ODbL)');
  });

  it('previews an import: counts, dates, languages, entities, and every problem with its row', () => {
    render(<Options {...base} state={{ phase: 'preview', preview, name: 'Archive' }} />, mount);
    expect(mount.querySelector('.preview__count')!.textContent).toBe('41 articles, from 2019-01-02 to 2021-12-30');
    expect(mount.querySelector('.preview__langs')!.textContent).toBe('Languages: FR 30, EN 11');
    expect(mount.querySelector('.preview__entities')!.textContent).toBe('2 known names found: Kabul (20), Zamir Kabulov (3)');
    const problems = [...mount.querySelectorAll('.problem')].map((p) => p.textContent);
    expect(problems).toEqual([
      'Error a.csv, row 7 (date): “03/04/2021” is ambiguous: write 2021-04-03',
      'Warning a.csv, row 9: language not given; guessed fr',
    ]);
  });

  it('cannot import while there are errors, and can with warnings only', () => {
    const onConfirm = vi.fn();
    render(<Options {...base} onConfirm={onConfirm} state={{ phase: 'preview', preview, name: 'Archive' }} />, mount);
    const confirm = mount.querySelector('button[name=confirm]') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    expect(mount.textContent).toContain('stored whole or not at all');
    render(
      <Options
        {...base}
        onConfirm={onConfirm}
        state={{ phase: 'preview', preview: { ...preview, ok: true, problems: preview.problems.slice(1) }, name: 'Archive' }}
      />,
      mount,
    );
    (mount.querySelector('button[name=confirm]') as HTMLButtonElement).click();
    expect(onConfirm).toHaveBeenCalledWith('Archive');
  });

  it('shows progress with a cancel button while storing', () => {
    const onCancel = vi.fn();
    render(<Options {...base} onCancel={onCancel} state={{ phase: 'storing', done: 500, total: 2000, name: 'A' }} />, mount);
    expect(mount.querySelector('progress')!.getAttribute('value')).toBe('500');
    expect(mount.querySelector('.progress')!.textContent).toContain('Storing… 500 of 2,000 articles');
    (mount.querySelector('button[name=cancel]') as HTMLButtonElement).click();
    expect(onCancel).toHaveBeenCalled();
  });

  it('renders a collection name and entity strings as text, never as HTML', () => {
    render(
      <Options
        {...base}
        collections={[
          {
            id: 'c',
            name: '<img src=x onerror=alert(1)>',
            enabled: true,
            created: '',
            count: 2,
            from: '2021-01-01',
            to: '2021-02-01',
            langs: ['en'],
            files: [],
          },
        ]}
        entities={[
          {
            id: 'user:1',
            type: 'person',
            name: { en: '<b>Bold</b>', fr: '<b>Bold</b>' },
            description: { en: '<script>x</script>', fr: '' },
            aliases: [{ text: '<b>Bold</b>' }],
          },
        ]}
      />,
      mount,
    );
    expect(mount.querySelector('img, b, script')).toBeNull();
    expect(mount.querySelector('.collection__name')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(mount.querySelector('.entity-list')!.textContent).toContain('<script>x</script>');
  });

  it('asks before deleting a collection', () => {
    const onDelete = vi.fn();
    render(
      <Options
        {...base}
        onDelete={onDelete}
        collections={[{ id: 'c', name: 'Old', enabled: true, created: '', count: 2, from: '2021-01-01', to: '2021-02-01', langs: ['en'], files: [] }]}
      />,
      mount,
    );
    (mount.querySelector('button[name=delete]') as HTMLButtonElement).click();
    expect(onDelete).not.toHaveBeenCalled();
  });

  it('names a collection after its first file', () => {
    expect(defaultName([{ name: 'archive-2019.csv' }])).toBe('archive-2019');
    expect(defaultName([{ name: 'a.csv' }, { name: 'b.xml' }])).toBe('a +1');
  });
});

describe('Options in French', () => {
  it('shows import problems, places and field names in French, and entity errors too', async () => {
    const { said } = await import('../../core/import/messages');
    const coded: Preview = {
      ...preview,
      problems: [
        { file: 'a.csv', row: 1, field: 'text', severity: 'error', ...said('missingColumns', { columns: 'text', found: "'title', 'date'" }) },
        { file: 'a.csv', row: 7, field: 'date', severity: 'error', ...said('dateAmbiguous', { raw: '03/04/2021' }) },
        { file: 'a.csv', row: 9, field: 'lang', severity: 'warning', ...said('langGuessed', { lang: 'fr' }) },
        { file: 'f.xml', line: 12, field: 'title', severity: 'error', ...said('missingField', { field: 'title', atUnit: 'item', atIndex: 3 }) },
      ],
    };
    render(
      <Options
        {...base}
        lang="fr"
        state={{ phase: 'preview', preview: coded, name: 'Archive' }}
        entityErrors={[{ field: 'aliases', code: 'aliasTaken', params: { text: 'Kaboul', owner: 'Kaboul' } }]}
      />,
      mount,
    );
    expect([...mount.querySelectorAll('.problem')].map((p) => p.textContent)).toEqual([
      "Erreur a.csv, ligne 1 (texte) : colonne manquante : text (la ligne d’en-tête contient 'title', 'date')",
      'Erreur a.csv, ligne 7 (date) : la date « 03/04/2021 » est ambiguë (jour/mois ou mois/jour ?) : écrivez-la AAAA-MM-JJ',
      'Avertissement a.csv, ligne 9 (langue) : langue non indiquée ; devinée : fr',
      'Erreur f.xml, ligne 12 (titre) : élément 3 : le titre manque',
    ]);
    expect(mount.querySelector('.field__error')!.textContent).toBe('« Kaboul » est déjà un nom de Kaboul.');
  });

  it('has a French text for every message code', async () => {
    const { MESSAGE_CODES, said, problemText } = await import('../../core/import/messages');
    const params = {
      max: 20000,
      unit: 'row',
      index: 20002,
      field: 'title',
      kind: 'a list',
      raw: 'x',
      lang: 'de',
      url: 'ftp://x',
      cells: 3,
      width: 4,
      by: 'url',
      where: 'a.csv, row 2',
      errors: 2,
      warnings: 1,
      file: 'a.csv',
      mb: '50.0',
      limit: '30.0',
      formats: 'CSV',
      columns: 'text',
      found: "'title'",
      first: 'body',
      name: 'text',
      names: "'x'",
      key: 'k',
      root: 'html',
      what: 'not valid JSON',
      detail: 'CommaExpected',
      type: 'robot',
      expected: 'date',
      prefix: 'user:',
      stated: 3,
      actual: 2,
    };
    expect(MESSAGE_CODES.length).toBeGreaterThan(40);
    for (const code of MESSAGE_CODES) {
      const p = { file: 'a', severity: 'error' as const, ...said(code, params) };
      expect(problemText(p, 'fr'), code).not.toBe(p.message);
      expect(problemText(p, 'fr'), code).not.toMatch(/undefined/);
    }
  });
});

describe('Options: the reader’s entities', () => {
  it('edits an entity in the same form, keeping its id', async () => {
    const onAddEntity = vi.fn();
    const entity = {
      id: 'user:1',
      type: 'organization' as const,
      name: { en: 'Meridian Relief', fr: 'Meridian Relief' },
      description: { en: 'A group.', fr: 'A group.' },
      aliases: [{ text: 'Meridian Relief' }, { text: 'MRN', exact: true }],
    };
    render(<Options {...base} entities={[entity]} onAddEntity={onAddEntity} />, mount);
    (mount.querySelector('button[name=edit-entity]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    expect((mount.querySelector('input[name=entity-name]') as HTMLInputElement).value).toBe('Meridian Relief');
    expect((mount.querySelector('textarea[name=entity-aliases]') as HTMLTextAreaElement).value).toBe('MRN');
    expect((mount.querySelector('select[name=entity-type]') as HTMLSelectElement).value).toBe('organization');
    (mount.querySelector('.entity-form') as HTMLFormElement).requestSubmit();
    expect(onAddEntity).toHaveBeenCalledWith({ name: 'Meridian Relief', type: 'organization', aliases: ['MRN'], description: 'A group.' }, 'user:1');
  });
});

describe('Options: how highlights look', () => {
  it('offers a colour per category, the fill and the defaults, each change reported', () => {
    const onAppearance = vi.fn();
    render(<Options {...base} appearance={{ ...DEFAULT_APPEARANCE, fill: true }} onAppearance={onAppearance} />, mount);
    const q = <T extends Element>(selector: string) => mount.querySelector<T>(selector)!;
    const place = q<HTMLInputElement>('input[name="color-place"]');
    expect(place.getAttribute('aria-label')).toBe('Colour for places');
    expect(place.value).toBe(DEFAULT_APPEARANCE.colors.place);
    place.value = '#112233';
    place.dispatchEvent(new Event('input', { bubbles: true }));
    expect(onAppearance).toHaveBeenLastCalledWith({ colors: { ...DEFAULT_APPEARANCE.colors, place: '#112233' } });
    q<HTMLInputElement>('input[name="fill"]').click();
    expect(onAppearance).toHaveBeenLastCalledWith({ fill: false });
    [...mount.querySelectorAll('button')].find((b) => b.textContent === 'Default colours')!.click();
    expect(onAppearance).toHaveBeenLastCalledWith(null);
  });
});

describe('Options: lists of names', () => {
  it('says a list is being read, with a Cancel that discards it', () => {
    const onListDiscard = vi.fn();
    render(<Options {...base} listState={{ phase: 'reading', file: 'beat.csv' }} onListDiscard={onListDiscard} />, mount);
    expect(mount.querySelector('.lists [role=status]')!.textContent).toContain('Reading beat.csv…');
    mount.querySelector<HTMLButtonElement>('button[name=list-cancel]')!.click();
    expect(onListDiscard).toHaveBeenCalled();
  });

  it('previews a list: counts, names already known with one choice for all, and a name before importing', async () => {
    const onListConfirm = vi.fn();
    const preview = {
      file: 'beat.csv',
      ok: true,
      counts: { person: 2, organization: 0, place: 0, untyped: 1 },
      sample: ['Marta Ruiz', 'Kabul', 'Acme'],
      problems: [],
      conflicts: [{ text: 'Kabul', owner: 'Kabul' }],
    };
    render(<Options {...base} listState={{ phase: 'preview', preview }} onListConfirm={onListConfirm} />, mount);
    expect(mount.querySelector('.list-preview__counts')!.textContent).toBe('3 entries: 2 people, 0 organisations, 0 places, 1 without a type');
    expect(mount.querySelector('.list-conflicts legend')!.textContent).toContain('1 name is already known: Kabul (Kabul)');
    mount.querySelector<HTMLInputElement>('input[name=list-choice][value=replace]')!.click();
    // No name, no import.
    expect(mount.querySelector<HTMLButtonElement>('button[name=list-confirm]')!.disabled).toBe(true);
    const name = mount.querySelector<HTMLInputElement>('input[name=list-name]')!;
    name.value = 'Beat';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    await Promise.resolve();
    mount.querySelector<HTMLButtonElement>('button[name=list-confirm]')!.click();
    expect(onListConfirm).toHaveBeenCalledWith('Beat', 'person', 'replace');
  });
});

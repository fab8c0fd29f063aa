import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { fragmentUrl, MAX_FRAGMENT_CHARS, readFragment } from '../../src/exercises/fragment';

const known = new Set(['softmax-dz', 'act-tanh']);

/** A template's content, as the sheet parses a fragment in the browser (sheetFragments.ts). */
const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
const parse = (html: string) => {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content as unknown as ParentNode;
};

const exercise = (id: string, inside = '') =>
  `<article class="exercise" data-exercise="${id}"><h2>Exercise 6.3</h2>` +
  `<form data-answer-form="dz"><script type="application/json" data-answer-spec>{"name":"dz"}</script></form>${inside}</article>`;

describe('the address of an exercise fragment', () => {
  it('is made under the base for an id of the course, with or without the base’s slash', () => {
    expect(fragmentUrl('/exercises/fragments/', 'softmax-dz', known)).toBe('/exercises/fragments/softmax-dz/');
    expect(fragmentUrl('/course/exercises/fragments', 'act-tanh', known)).toBe('/course/exercises/fragments/act-tanh/');
  });

  it.each([
    // A link's id the course does not have: no request at all.
    ['gone'],
    // Ids that would leave the folder, or reach another host, if they were made into addresses.
    ['../../sw.js'],
    ['//evil.example/x'],
    ['softmax-dz/../../index.html'],
  ])('is not made for %s', (id) => {
    expect(fragmentUrl('/exercises/fragments/', id, known)).toBeNull();
  });
});

const field = (inside: string) =>
  `<span class="answer-input answer-slot" data-answer-slot aria-hidden="true"><template data-answer-field>${inside}</template></span>`;

describe('reading a fetched fragment', () => {
  it('takes answer fields that wait in their templates, one field each', () => {
    for (const inside of [
      '<input class="answer-input" data-answer="dz" type="text">',
      '<textarea class="answer-input" data-answer="dz-steps" data-steps rows="4"></textarea>',
    ])
      expect(readFragment(exercise('softmax-dz', field(inside)), 'softmax-dz', parse).ok).toBe(true);
  });

  it.each([
    ['a script in a field’s template', field('<input data-answer="dz" type="text"><script>alert(1)</script>')],
    ['an image in a field’s template', field('<img src="x" onerror="alert(1)">')],
    ['two fields in one template', field('<input data-answer="a" type="text"><input data-answer="b" type="text">')],
    ['a field of another type', field('<input data-answer="dz" type="image" src="x">')],
    ['a field that is not an answer', field('<input type="text">')],
    ['a template outside a field’s box', '<template data-answer-field><input data-answer="dz" type="text"></template>'],
    ['another template', '<template><script>alert(1)</script></template>'],
  ])('refuses a fragment with %s', (_what, inside) => {
    expect(readFragment(exercise('softmax-dz', inside), 'softmax-dz', parse)).toEqual({
      ok: false,
      problem: expect.stringContaining('not this exercise'),
    });
  });

  it('gives the exercise when the text is exactly that exercise, white space around it', () => {
    const reading = readFragment(`\n${exercise('softmax-dz')}\n`, 'softmax-dz', parse);
    expect(reading.ok).toBe(true);
    if (reading.ok) {
      expect(reading.root.getAttribute('data-exercise')).toBe('softmax-dz');
      // The answer's JSON stays: the checker reads it.
      expect(reading.root.querySelector('script[data-answer-spec]')).not.toBeNull();
    }
  });

  it.each([
    ['another exercise than the one asked for', exercise('act-tanh')],
    ['two exercises', exercise('softmax-dz') + exercise('act-tanh')],
    ['an exercise inside another', exercise('softmax-dz', '<div data-exercise="act-tanh"></div>')],
    [
      'a captive portal’s page',
      '<!doctype html><html><head><title>Log in</title></head><body><form></form></body></html>',
    ],
    ['text around the exercise', `Please log in ${exercise('softmax-dz')}`],
    ['a stylesheet before it', `<link rel="stylesheet" href="x.css">${exercise('softmax-dz')}`],
    ['a script that would run', exercise('softmax-dz', '<script>alert(1)</script>')],
    ['a module script', exercise('softmax-dz', '<script type="module" src="/x.js"></script>')],
    ['nothing', ''],
    ['plain text', 'Not found'],
  ])('refuses %s, saying what came back is not the exercise', (_, html) => {
    const reading = readFragment(html, 'softmax-dz', parse);
    expect(reading).toEqual({ ok: false, problem: expect.stringContaining('is not this exercise') });
  });

  it('refuses a text longer than any fragment without parsing it', () => {
    let parsed = false;
    const html = exercise('softmax-dz', 'x'.repeat(MAX_FRAGMENT_CHARS));
    const reading = readFragment(html, 'softmax-dz', (text) => {
      parsed = true;
      return parse(text);
    });
    expect(reading.ok).toBe(false);
    expect(parsed).toBe(false);
  });
});

/**
 * Answer fields arrive with the first rendering of the part of the page they are in.
 *
 * Why: Chromium looks at every text field when a page finishes parsing, and again whenever fields
 * are added (its form autofill does; none of our code runs). For a field inside content that
 * `content-visibility` is skipping (a lesson's parts, a sheet's exercises), it lays that content
 * out, and the text around the field too. On the shallow-networks lesson that was one task of
 * 0.8-1.6 s at 4× CPU slowdown, the lesson's largest. So AnswerField.astro ships each field in a
 * `<template data-answer-field>` inside a box of the field's size (`data-answer-slot`), and this
 * module puts the field in place when its part is first laid out
 * (`contentvisibilityautostatechange`), and everywhere at once before the first Tab (so that a
 * keyboard reaches every field) and before printing.
 *
 * Without JavaScript the box stays empty: an answer cannot be checked then anyway. (A problem sheet
 * places its exercises' fields itself, in sheetPage.ts, as each exercise is first laid out.)
 */

/** A field's box; the template with the field is in it (AnswerField.astro). */
const SLOTS = '[data-answer-slot]';

/**
 * Places a part's fields when it is first laid out, and every field before the first Tab and
 * before printing, then calls `placed` with where they were placed. (The event does not bubble,
 * so it is caught on its way down.)
 */
export function placeFieldsWhenShown(placed: (scope: ParentNode) => void): void {
  const place = (scope: ParentNode) => {
    const slots = scope.querySelectorAll(SLOTS);
    if (slots.length === 0) return;
    for (const slot of slots) slot.replaceWith((slot.firstElementChild as HTMLTemplateElement).content);
    placed(scope);
  };
  // If a field's part is laid out already, its event has gone by: a reload that puts the student
  // back at the exercises lays them out before this script runs. Then every field is placed now
  // (a lesson's are all in one part, its exercises); so they are in a browser without
  // content-visibility, or without this check.
  if (
    [...document.querySelectorAll(SLOTS)].some(
      (slot) => slot.checkVisibility?.({ contentVisibilityAuto: true }) !== false,
    )
  )
    place(document);
  addEventListener(
    'contentvisibilityautostatechange',
    (event) => (event as ContentVisibilityAutoStateChangeEvent).skipped || place(event.target as Element),
    true,
  );
  addEventListener('keydown', (event) => event.key === 'Tab' && place(document), true);
  addEventListener('beforeprint', () => place(document));
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LessonProgressData } from '../../src/course/progressData';
import {
  lessonProgress,
  parseAnswers,
  parseReadingPlace,
  placeHref,
  progressText,
} from '../../src/scripts/courseProgress';
import { fakeStorage } from '../support/fakeStorage';

const lessons: LessonProgressData[] = [
  {
    id: 'softmax',
    path: '/lessons/softmax/',
    title: 'Softmax',
    exercises: [
      { id: 'a', answers: 'x:0000000a y:0000000b' },
      { id: 'b', answers: '' },
      { id: 'c', answers: 'z:0000000c' },
    ],
    sections: [{ id: 'the-gradient', text: 'The gradient' }],
  },
];
const softmax = lessons[0]!;

afterEach(() => vi.unstubAllGlobals());

describe('lesson progress', () => {
  it('counts an exercise solved as the exercise does: every answer correct at its current version, or marked done', () => {
    vi.stubGlobal('localStorage', fakeStorage());
    const correct = (version: string) => ({ input: '1', status: 'correct' as const, version });
    expect(lessonProgress({}, softmax)).toEqual({ solved: 0, total: 3, edited: false });
    // One of two answers correct: not solved; both: solved.
    expect(lessonProgress({ a: { answers: { x: correct('0000000a') } } }, softmax).solved).toBe(0);
    expect(lessonProgress({ a: { answers: { x: correct('0000000a'), y: correct('0000000b') } } }, softmax).solved).toBe(
      1,
    );
    // A verdict given against an older version of the answer does not count.
    expect(lessonProgress({ c: { answers: { z: correct('ffffffff') } } }, softmax).solved).toBe(0);
    // An exercise without answers counts when marked done.
    expect(lessonProgress({ b: { answers: {}, done: true } }, softmax).solved).toBe(1);
  });

  it('says whether the lesson’s cells were edited, from the edits saved under its address', () => {
    const storage = fakeStorage();
    vi.stubGlobal('localStorage', storage);
    storage.setItem('nn-live:edits:v1:/lessons/softmax/', JSON.stringify({ cell: { code: '1', base: '0' } }));
    expect(lessonProgress({}, softmax).edited).toBe(true);
    storage.setItem('nn-live:edits:v1:/lessons/softmax/', 'garbage');
    expect(lessonProgress({}, softmax).edited).toBe(false);
  });

  it('reads with storage blocked as nothing done', () => {
    vi.stubGlobal('localStorage', {
      getItem() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    expect(lessonProgress({}, softmax)).toEqual({ solved: 0, total: 3, edited: false });
  });

  it('says it in words', () => {
    expect(progressText({ solved: 2, total: 5, edited: true })).toBe('2 of 5 exercises solved, cells edited');
    expect(progressText({ solved: 0, total: 1, edited: false })).toBe('0 of 1 exercise solved');
    expect(parseAnswers(' x:1  y:2 ')).toEqual([
      { name: 'x', version: '1' },
      { name: 'y', version: '2' },
    ]);
  });
});

describe('the reading place', () => {
  it('links only to a lesson and a section the course has', () => {
    const place = parseReadingPlace('{"lesson":"softmax","section":"the-gradient"}', lessons);
    expect(place && placeHref(place)).toBe('/lessons/softmax/#the-gradient');
    expect(place?.section?.text).toBe('The gradient');
    const top = parseReadingPlace('{"lesson":"softmax","section":""}', lessons);
    expect(top && placeHref(top)).toBe('/lessons/softmax/');
    for (const raw of [
      null,
      '',
      'nope',
      'null',
      '[]',
      '{"lesson":"softmax"}',
      '{"lesson":"softmax","section":"\\"><script>"}',
      '{"lesson":"javascript:alert(1)","section":""}',
      '{"lesson":"__proto__","section":""}',
      `{"lesson":"softmax","section":"${'x'.repeat(600)}"}`,
    ])
      expect(parseReadingPlace(raw, lessons), String(raw)).toBeUndefined();
  });
});

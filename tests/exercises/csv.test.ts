import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { answersFileText } from '../../src/exercises/answersFile';
import { publishSpec } from '../../src/exercises/check';
import { BOM, csvField, csvText, gradesCsv } from '../../src/exercises/csv';
import { gradeFiles, type GradedSheet } from '../../src/exercises/grading';

/**
 * A reader of RFC 4180 CSV, written from the RFC (section 2) and nothing else: records end with
 * CRLF; a field is either plain (no quote, comma, CR or LF) or quoted, a quote in it doubled.
 * Throws on anything else, so a malformed line cannot pass for a well-formed one.
 */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) throw new Error('unterminated quoted field');
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
            } else {
              i++;
              break;
            }
          } else field += text[i++];
        }
      } else {
        while (i < text.length && !/[",\r\n]/.test(text[i]!)) field += text[i++];
        if (text[i] === '"') throw new Error(`a quote inside a plain field at ${i}`);
      }
      record.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text.startsWith('\r\n', i)) {
        i += 2;
        break;
      }
      throw new Error(`expected a comma or CRLF at ${i}`);
    }
    records.push(record);
  }
  return records;
}

/** What a field reads as after the guard: a leading formula character gets a `'` before it. */
const guarded = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

describe('CSV fields', () => {
  it.each([
    ['Ana Rahimi', 'Ana Rahimi'],
    ['Rahimi, Ana', '"Rahimi, Ana"'],
    ['Ana "the ace" Rahimi', '"Ana ""the ace"" Rahimi"'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['line\nfeed', '"line\nfeed"'],
    ['=1+1', "'=1+1"],
    ['+98 912 000 0000', "'+98 912 000 0000"],
    ['-2', "'-2"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j is written %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it('round-trips any table through an RFC 4180 reader, guard included', () => {
    const table = fc.array(
      fc.array(
        fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', '=', '+', '-', '@', '\t', ' ', 'ü', 'ر') }),
        { minLength: 1, maxLength: 5 },
      ),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(table, (lines) => {
        expect(readCsv(csvText(lines))).toEqual(lines.map((fields) => fields.map(guarded)));
      }),
    );
  });

  it('never lets a field start a formula, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const [[read]] = readCsv(csvText([[value]])) as [[string]];
        expect(read).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});

describe('the grades CSV', () => {
  const sheet: GradedSheet = {
    title: 'Week 3',
    due: '2026-12-01',
    exercises: ['softmax-four', 'softmax-two', 'cvx-proof'],
  };
  const answers = {
    'softmax-four': [publishSpec({ name: 'p', label: 'p', type: 'number', expected: '1/4' })],
    'softmax-two': [
      publishSpec({ name: 'a', label: 'a', type: 'number', expected: '1/2' }),
      publishSpec({ name: 'b', label: 'b', type: 'vector', expected: '1, 2' }),
    ],
    'cvx-proof': [],
  };
  const file = (
    name: string,
    student: string | undefined,
    saved: string,
    inputs: Record<string, Record<string, string>>,
    done = false,
  ) => ({
    name,
    text: answersFileText(
      {
        ...Object.fromEntries(
          Object.entries(inputs).map(([id, fields]) => [
            id,
            { answers: Object.fromEntries(Object.entries(fields).map(([k, input]) => [k, { input }])) },
          ]),
        ),
        ...(done ? { 'cvx-proof': { answers: {}, done: true } } : {}),
      },
      new Date(saved),
      { ...sheet, exercises: [...sheet.exercises] },
      student,
    ),
  });

  it('has one line per student: name, time, late, one column per exercise, total', () => {
    const rows = gradeFiles(
      sheet,
      answers,
      [
        file(
          'a.json',
          'Rahimi, Ana',
          '2026-11-30T10:00:00Z',
          { 'softmax-four': { p: '0.25' }, 'softmax-two': { a: '0.5', b: '1, 3' } },
          true,
        ),
        { name: 'broken.json', text: '{' },
        file('=cmd.json', undefined, '2026-12-03T10:00:00Z', { 'softmax-two': { a: '1/2', b: '1, 2' } }),
      ],
      { utcOffsetMinutes: 210 },
    );
    const text = gradesCsv(sheet, rows);
    expect(text.startsWith(BOM)).toBe(true);
    expect(readCsv(text.slice(BOM.length))).toEqual([
      ['Student', 'Handed in', 'Late', 'softmax-four (of 1)', 'softmax-two (of 2)', 'cvx-proof (done)', 'Total (of 3)'],
      ['Rahimi, Ana', '2026-11-30T10:00:00.000Z', 'no', '1', '1', 'done', '2'],
      // An old file: its name is the file's, guarded, since a student chose it.
      ["'=cmd", '2026-12-03T10:00:00.000Z', 'yes', '0', '2', '', '2'],
    ]);
  });

  it('is a heading alone when no file could be graded', () => {
    expect(readCsv(gradesCsv(sheet, [{ kind: 'problem', file: 'x.json', reason: 'No.' }]).slice(1))).toEqual([
      ['Student', 'Handed in', 'Late', 'softmax-four', 'softmax-two', 'cvx-proof', 'Total'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { handInFileName } from '../../src/exercises/answersFile';
import { nameProblem } from '../../src/exercises/browser/handIn';
import { exportFileName } from '../../src/exercises/browser/sheetExport';

describe('a hand-in', () => {
  it('needs a name, of at most 100 characters', () => {
    expect(nameProblem('  \u200B ')).toBe('Type your name or student number first.');
    expect(nameProblem('x'.repeat(101))).toBe('Keep your name or number under 100 characters.');
    expect(nameProblem('Ana Rahimi')).toBeNull();
    expect(handInFileName('Week 3', 'Ana Rahimi')).toBe('week-3-ana-rahimi.json');
  });

  it('and an export are named after the sheet', () => {
    expect(exportFileName('Week 3: softmax', 'moodle-xml')).toBe('week-3-softmax-moodle.xml');
    expect(exportFileName('', 'gift')).toBe('sheet-gift.txt');
  });
});

import { describe, expect, it } from 'vitest';
import { overall, precisionOf, recallOf, scoreByLabel } from '../../../bench/intel-scoring.ts';

describe('scoreByLabel', () => {
  it('It should count a found key as right only when expected, a miss under its expected label and an extra under its own', () => {
    // Arrange
    const expected = new Map([['a#HIRE', 'HIRE'], ['b#HIRE', 'HIRE'], ['c#EARNINGS', 'EARNINGS']]);
    const found = new Map([['a#HIRE', 'HIRE'], ['c#DISTRESS', 'DISTRESS']]);

    // Act
    const tallies = scoreByLabel(expected, found);

    // Assert
    expect(Object.fromEntries(tallies)).toEqual({
      HIRE: { truePositives: 1, falsePositives: 0, falseNegatives: 1 },
      DISTRESS: { truePositives: 0, falsePositives: 1, falseNegatives: 0 },
      EARNINGS: { truePositives: 0, falsePositives: 0, falseNegatives: 1 },
    });
    const sum = overall(tallies);
    expect([precisionOf(sum), recallOf(sum)]).toEqual(['0.500', '0.333']);
  });

  it('It should say n/a rather than divide by zero when nothing was expected or found', () => {
    const sum = overall(scoreByLabel(new Map(), new Map()));
    expect([precisionOf(sum), recallOf(sum)]).toEqual(['n/a', 'n/a']);
  });
});

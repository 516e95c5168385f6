import { describe, expect, it } from 'vitest';
import { fixed2Below, gapAbove, scoreText } from '../../src/core/near-mark';

const bands = [0, 0.8, 1.8, 2.8, 3.8, 4.8].map((min, level) => ({ level, min }));

describe('a figure beside the mark it misses never reads as the mark (a second consultant\'s review, X5)', () => {
  it('a satisfaction just below the pass mark reads below it; at or above it, as it is', () => {
    expect(fixed2Below(0.7996, 0.8)).toBe('0.79');
    expect(fixed2Below(0.794, 0.8)).toBe('0.79');
    expect(fixed2Below(0.75, 0.8)).toBe('0.75');
    expect(fixed2Below(0.8, 0.8)).toBe('0.80');
    expect(fixed2Below(0.8004, 0.8)).toBe('0.80');
  });

  it('a score S just below the next level\'s lower edge keeps the level it has; elsewhere it is rounded', () => {
    expect(scoreText(1.7996, bands)).toBe('1.79');
    expect(scoreText(1.8, bands)).toBe('1.80');
    expect(scoreText(1.4567, bands)).toBe('1.46');
    expect(scoreText(4.9999, bands)).toBe('5.00'); // no band above the top one
    expect(scoreText(0.29, bands)).toBe('0.29');
  });

  it('a distance still to go is never 0.00', () => {
    expect(gapAbove(0.0004)).toBe('0.01');
    expect(gapAbove(0.094)).toBe('0.09');
    expect(gapAbove(0)).toBe('0.00');
  });
});

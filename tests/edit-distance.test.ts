import { describe, expect, it } from 'vitest';
import { editDistance, nearestName } from '../src/core/edit-distance.js';

describe('nearest-name suggestions', () => {
  it('counts swaps, inserts, deletes and substitutions as one edit each', () => {
    expect(editDistance('titel', 'title')).toBe(1);
    expect(editDistance('lead', 'leed')).toBe(1);
    expect(editDistance('supprt', 'support')).toBe(1);
    expect(editDistance('区市场监管局', '区市场监督局')).toBe(1);
    expect(editDistance('abc', 'xyz')).toBe(3);
  });

  it('suggests only plausible typos', () => {
    expect(nearestName('titel', ['id', 'title', 'lead'])).toBe('title');
    expect(nearestName('市场监管局', ['区市场监管局', '区卫健局'])).toBe('区市场监管局');
    expect(nearestName('foo', ['title', 'lead'])).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { RegisterPage, RegisterRow } from '../../bindings';
import { nextRegisterOffset, REGISTER_PAGE } from './Register';

const page = (count: number, total: number): RegisterPage => ({ rows: Array.from({ length: count }, () => ({}) as RegisterRow), total });

describe('register paging', () => {
  it('asks for the next page after the rows loaded so far', () => {
    const first = page(REGISTER_PAGE, 100_000);
    expect(nextRegisterOffset(first, [first])).toBe(REGISTER_PAGE);
    const second = page(REGISTER_PAGE, 100_000);
    expect(nextRegisterOffset(second, [first, second])).toBe(2 * REGISTER_PAGE);
  });

  it('stops at a short page or once every row is loaded', () => {
    const short = page(17, 17);
    expect(nextRegisterOffset(short, [short])).toBeUndefined();
    const exact = page(REGISTER_PAGE, REGISTER_PAGE);
    expect(nextRegisterOffset(exact, [exact])).toBeUndefined();
    const empty = page(0, 0);
    expect(nextRegisterOffset(empty, [empty])).toBeUndefined();
  });
});

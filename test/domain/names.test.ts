import { findByName } from '../../src/domain/names';

const locations = [
  { id: 'l1', name: 'Siège — Paris' },
  { id: 'l2', name: 'IT division' },
  { id: 'l3', name: 'Lyon — Entrepôt' },
];

describe('naming a licence or a location', () => {
  test.each([
    ['l2', 'IT division', false],
    ['siege — paris', 'Siège — Paris', false],
    ['LYON — ENTREPOT', 'Lyon — Entrepôt', false],
    ['paris', undefined, false],
    ['paris', 'Siège — Paris', true],
    ['entrepot', 'Lyon — Entrepôt', true],
  ])('"%s" names %p (partial: %p)', (typed, name, partial) => {
    expect(findByName(locations, typed, partial)?.name).toBe(name);
  });

  test('a part that several names share names none of them', () => {
    expect(findByName(locations, '—', true)).toBeUndefined();
  });

  test('an empty answer names nothing, even partially', () => {
    expect(findByName(locations, '  ', true)).toBeUndefined();
  });
});

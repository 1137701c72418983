/**
 * @fileoverview Made-up person names for synthetic records. The lists are common given names and
 * surnames from many languages; any pairing is fictional. "John Doe" is reserved for the lesson's
 * target record, so "Doe" is deliberately absent from the surname list.
 */

import type { Rng } from '../rng';

const FIRST_NAMES: readonly string[] = [
  'Amara', 'Ana', 'Arjun', 'Beatriz', 'Bo', 'Camille', 'Carlos', 'Chen', 'Dalia', 'David',
  'Elena', 'Emeka', 'Emma', 'Farah', 'Felix', 'Grace', 'Hana', 'Hugo', 'Ines', 'Ivan',
  'Jamal', 'Jana', 'Kai', 'Keiko', 'Lars', 'Leila', 'Liam', 'Lucia', 'Malik', 'Maria',
  'Mateo', 'Mei', 'Nadia', 'Nikos', 'Noah', 'Nora', 'Olga', 'Omar', 'Paul', 'Priya',
  'Quentin', 'Rafael', 'Rosa', 'Ruth', 'Samir', 'Sara', 'Sofia', 'Tariq', 'Thomas', 'Uma',
  'Victor', 'Wen', 'Yara', 'Yusuf', 'Zoe', 'Aiko', 'Bram', 'Chloe', 'Dmitri', 'Esther',
];

const LAST_NAMES: readonly string[] = [
  'Abe', 'Adeyemi', 'Almeida', 'Andersen', 'Bauer', 'Becker', 'Bianchi', 'Chowdhury', 'Costa', 'Dubois',
  'Eriksson', 'Fischer', 'Fontaine', 'Garcia', 'Gupta', 'Haddad', 'Hansen', 'Ibrahim', 'Ito', 'Jansen',
  'Kim', 'Kowalski', 'Kumar', 'Larsen', 'Lopez', 'Mbeki', 'Meyer', 'Moreau', 'Nakamura', 'Nguyen',
  'Novak', 'Okafor', 'Oliveira', 'Park', 'Petrov', 'Popescu', 'Quinn', 'Rahman', 'Rossi', 'Santos',
  'Schmidt', 'Silva', 'Singh', 'Sokolov', 'Tanaka', 'Torres', 'Usman', 'Vargas', 'Virtanen', 'Wagner',
  'Walsh', 'Wang', 'Weber', 'Xu', 'Yamada', 'Yilmaz', 'Zhang', 'Zielinski', 'Ortiz', 'Lindqvist',
];

/** The reserved name of the record lessons ask about. */
export const JOHN_DOE = 'John Doe';

const INITIALS = 'ABCDEFGHJKLMNPRSTVW';

/**
 * `n` distinct fictional full names. With `johnDoeFirst`, row 0 is "John Doe" and no other row
 * is. Collisions get a middle initial, then a numeric suffix, so names stay unique at any n.
 * Pure apart from advancing `rng`.
 */
export function makeNames(n: number, rng: Rng, johnDoeFirst: boolean): string[] {
  const used = new Set<string>([JOHN_DOE]);
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i === 0 && johnDoeFirst) {
      names.push(JOHN_DOE);
      continue;
    }
    const first = FIRST_NAMES[rng.int(FIRST_NAMES.length)];
    const last = LAST_NAMES[rng.int(LAST_NAMES.length)];
    let name = `${first} ${last}`;
    for (let t = 0; used.has(name) && t < 4; t++) {
      name = `${first} ${INITIALS[rng.int(INITIALS.length)]}. ${last}`;
    }
    for (let s = 2; used.has(name); s++) name = `${first} ${last} ${s}`;
    used.add(name);
    names.push(name);
  }
  return names;
}

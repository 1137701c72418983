/**
 * @fileoverview Made-up person names for synthetic records. The lists are common given names and
 * surnames from many languages; any pairing is fictional. "John Doe" and "Jane Smith" (the source
 * guide's two patients: the lessons follow one member and one non-member) are reserved, so "Doe",
 * "Jane" and "Smith" are deliberately absent from the lists.
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

/** The reserved name of the record lessons ask about: once split, always a member (see placeReservedNames). */
export const JOHN_DOE = 'John Doe';

/** The reserved name of the lessons' second patient: once split, always an evaluated non-member. */
export const JANE_SMITH = 'Jane Smith';

/** The reserved names: rows 0 and 1 of freshly generated data, until a split places them. */
export const RESERVED_NAMES: readonly string[] = [JOHN_DOE, JANE_SMITH];

/**
 * A copy of `names` in which "John Doe" sits at `memberRow` and "Jane Smith" at `nonMemberRow`,
 * each swapping names with the row that held that place (names without them come back unchanged).
 * The experiment gives the names to the split's first member and first non-member, so the seed
 * alone decides who the two patients are, and naming them moves no record and changes no number.
 * Pure.
 */
export function placeReservedNames(names: readonly string[], memberRow: number, nonMemberRow: number): string[] {
  const out = [...names];
  for (const [name, row] of [[JOHN_DOE, memberRow], [JANE_SMITH, nonMemberRow]] as const) {
    const at = out.indexOf(name);
    if (at < 0 || at === row || !Number.isInteger(row) || row < 0 || row >= out.length) continue;
    [out[at], out[row]] = [out[row], out[at]];
  }
  return out;
}

const INITIALS = 'ABCDEFGHJKLMNPRSTVW';

/**
 * `n` distinct fictional full names. With `johnDoeFirst`, row 0 is "John Doe", row 1 "Jane Smith",
 * and no other row is either. Collisions get a middle initial, then a numeric suffix, so names
 * stay unique at any n. Pure apart from advancing `rng`.
 */
export function makeNames(n: number, rng: Rng, johnDoeFirst: boolean): string[] {
  const used = new Set<string>(RESERVED_NAMES);
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
  // Row 1's random name is drawn and then replaced, so every other row keeps the name it had
  // before Jane Smith was reserved.
  if (johnDoeFirst && n > 1) names[1] = JANE_SMITH;
  return names;
}

/** The 2005 Convention's own dates: adopted by UNESCO's General Conference, and in force (for no Party earlier). */
export const CONVENTION_ADOPTED = '2005-10-20';
export const CONVENTION_ENTERED_INTO_FORCE = '2007-03-18';

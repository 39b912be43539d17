/* Niebieska Linia (issue 6): user-visible Polish texts, T_* macros. */

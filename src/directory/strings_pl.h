/* Services directory (issue 5): user-visible Polish texts, T_* macros. */

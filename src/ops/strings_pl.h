/* Operations: backups, config, metrics (issue 8): user-visible Polish texts, T_* macros. */

/* Monitoring, registers and the annual report (issue 7): user-visible Polish texts, T_* macros. */

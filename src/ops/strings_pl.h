/* Operations: backups, config, metrics (issue 8): user-visible Polish texts,
 * T_* macros. */

/* Its entries of the main menu (module.inc). */
#define T_NAV_SYSTEM "System"

#define T_OPS_TITLE "Stan systemu"
#define T_OPS_BACKUPS "Kopie zapasowe"
#define T_OPS_LAST_BACKUP "Ostatnia kopia zapasowa"
#define T_OPS_NO_BACKUP "Nie wykonano jeszcze żadnej kopii zapasowej."
#define T_OPS_BACKUP_OLD "Uwaga: ostatnia kopia jest starsza niż doba."
#define T_OPS_BACKUP_HOWTO                                                     \
    "Kopię wykonuje na serwerze polecenie "                                   \
    "„rodzina backup PLIK” (zob. podręcznik administratora, "             \
    "docs/admin-guide.md)."
#define T_OPS_BACKUPS_CAPTION "Ostatnie kopie zapasowe (najnowsze na górze)"
#define T_OPS_COL_MADE "Wykonano (UTC)"
#define T_OPS_COL_FILE "Plik"
#define T_OPS_COL_SIZE "Rozmiar"
#define T_OPS_COL_SCHEMA "Wersja schematu"
#define T_OPS_COL_WHO "Wykonał (konto systemowe)"
#define T_OPS_STORE "Baza danych"
#define T_OPS_STORE_CAPTION "Baza danych i sesje"
#define T_OPS_SCHEMA "Wersja schematu bazy"
#define T_OPS_DB_SIZE "Rozmiar bazy"
#define T_OPS_SESSIONS "Otwarte sesje"
#define T_OPS_ACCOUNTS "Aktywne konta"
#define T_OPS_OBSERVE "Monitorowanie"
#define T_OPS_OBSERVE_TEXT                                                     \
    "Stan usługi dla systemów monitorowania: "                               \
    "/healthz (publiczny, bez danych) i /metrics (format Prometheus; "         \
    "administratorzy, token albo połączenia lokalne)."
#define T_OPS_METRICS_DENIED                                                   \
    "Metryki są dostępne tylko dla "                                         \
    "administratorów, z tokenem albo z tego samego komputera."

/* Accounts and the audit page: user-visible Polish texts, T_* macros. */
#ifndef USERS_STRINGS_PL_H
#define USERS_STRINGS_PL_H

/* Its entries of the main menu (module.inc). */
#define T_NAV_USERS "Użytkownicy"
#define T_NAV_AUDIT "Dziennik zmian"

#define T_USERS_TITLE "Użytkownicy"
#define T_USERS_ADD "Dodaj konto"
#define T_USERS_ROLE "Rola"
#define T_USERS_ROLE_CHOOSE "— wybierz rolę —"
#define T_USERS_ERR_ROLE "Wybierz rolę konta: nowe konto nie ma żadnej roli."
#define T_USERS_REGION "Region (kod województwa)"
#define T_USERS_UNIT                                                           \
    "Jednostka realizująca lub organizacja (dla realizatora i organizacji)"
#define T_USERS_UNIT_NONE "— żadna —"
#define T_USERS_KIND_IMPLEMENTER "jednostką realizującą"
#define T_USERS_KIND_ORGANISATION "organizacją"
#define T_USERS_UNIT_OPTION "%s · %s · %s (nr %ld)"
#define T_USERS_ERR_UNIT_ID                                                    \
    "Jednostka nr %ld nie istnieje albo nie jest %s: wybierz ją z listy."
#define T_USERS_ERR_UNIT_REGION                                                \
    "Jednostka nr %ld („%s”) należy do województwa %s, a konto do innego."
#define T_USERS_STATE "Stan"
#define T_USERS_ACTIVE "aktywne"
#define T_USERS_DISABLED "zablokowane"
#define T_USERS_DISABLE "Zablokuj"
#define T_USERS_ENABLE "Odblokuj"
#define T_USERS_CREATED "Utworzono"
#define T_USERS_UNITS "Jednostki"
#define T_USERS_ALL_REGIONS "wszystkie"
#define T_USERS_ADDED "Konto zostało dodane."
#define T_USERS_PASSWORD "Ustaw nowe hasło konta"
#define T_USERS_NEW_PASSWORD "Nowe hasło (co najmniej 12 znaków)"
#define T_USERS_PASSWORD_SET                                                   \
    "Hasło zostało zmienione; sesje konta "                                  \
    "zakończono."
/* The password form's refusals, naming its fields by their labels. */
#define T_USERS_PW_ERR_LOGIN T_LOGIN_LOGIN ": nie ma konta o takim loginie."
#define T_USERS_PW_ERR_PASSWORD "Nowe hasło: %s"
#define T_AUDIT_TITLE "Dziennik zmian"
#define T_AUDIT_WHEN "Kiedy"
#define T_AUDIT_WHO "Kto"
#define T_AUDIT_ACTION "Czynność"
#define T_AUDIT_RECORD "Rekord"
#define T_AUDIT_CHANGE "Zmiana"
#define T_AUDIT_FILTER "Filtruj"
#define T_AUDIT_FROM "Od dnia"
#define T_AUDIT_TO "Do dnia (bez niego)"
#define T_AUDIT_CSV "Pobierz CSV"
#define T_AUDIT_NONE "Brak wpisów spełniających warunki."
/* printf template: first, last, total */
#define T_AUDIT_SHOWN "Wpisy %lld–%lld z %lld."
#define T_AUDIT_PAGES "Strony dziennika"
#define T_AUDIT_NEWER "← nowsze"
#define T_AUDIT_OLDER "starsze →"

/* Why an account is refused (users.c). */
#define T_USERS_ERR_LOGIN                                                      \
    "Login musi mieć od 3 do 64 znaków: litery, cyfry, . _ - @."
#define T_USERS_ERR_ROLE_UNKNOWN                                               \
    "Nieznana rola. Dozwolone: administrator, coordinator, "                   \
    "implementer, consultant, analyst, grantee."
#define T_USERS_ERR_NO_REGION                                                  \
    "Konto tej roli musi należeć do regionu (województwa)."
#define T_USERS_ERR_UNIT_ROLE                                                  \
    "Jednostkę realizującą podaje się tylko dla realizatora i "            \
    "organizacji."
#define T_USERS_ERR_REGION_UNKNOWN                                             \
    "Region %s nie jest obsługiwany w tej "                                   \
    "instalacji."
#define T_USERS_ERR_LOGIN_TAKEN "Konto o takim loginie już istnieje."

#endif

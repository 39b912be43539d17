/* Every Polish text of the region settings (issue 15). */
#ifndef REGION_STRINGS_PL_H
#define REGION_STRINGS_PL_H

/* Its entries of the main menu (module.inc). */
#define T_NAV_REGION_SETTINGS "Ustawienia regionów"

#define T_RGN_TITLE "Regiony i ich ustawienia"
#define T_RGN_LEAD                                                             \
    "Regiony (województwa), które obsługuje ta instalacja, i to, co ich "   \
    "mieszkańcy widzą o ośrodku regionalnym i jego telefonach. Dodanie "    \
    "istniejącego regionu zmienia jego ustawienia."
#define T_RGN_NONE "Nie dodano jeszcze żadnego regionu."
#define T_RGN_CODE "Kod województwa"
#define T_RGN_CHOOSE "— wybierz województwo —"
#define T_RGN_VOIVODESHIP "Województwo"
#define T_RGN_OFFICE "Nazwa ośrodka regionalnego"
#define T_RGN_ADDRESS "Adres ośrodka"
#define T_RGN_LINES "Telefony pomocowe regionu"
#define T_RGN_LINES_HINT                                                       \
    "Jeden telefon w wierszu: nazwa | numer | godziny, np. „Telefon "        \
    "zaufania | 800 000 000 | codziennie 17:00–21:00”."
#define T_RGN_INFO_LINE "Telefon informacyjny ośrodka"
#define T_RGN_BIP "Adres BIP ośrodka"
#define T_RGN_SAVE "Zapisz region"
#define T_RGN_SAVED "Zapisano ustawienia regionu."
#define T_RGN_EDIT_CAPTION "Dodaj region albo zmień jego ustawienia"
#define T_RGN_ERR_CODE "Województwo: wybierz je z listy (kod TERYT, np. 04)."
#define T_RGN_ERR_LINE                                                         \
    "Każdy telefon pomocowy podaj jako: nazwa | numer | godziny (numer "      \
    "z cyframi)."
#define T_RGN_ERR_TOO_MANY "Region może mieć najwyżej 8 telefonów pomocowych."
#define T_RGN_ERR_BIP "Adres BIP musi zaczynać się od https:// lub http://."
#define T_RGN_ERR_LONG "Jedno z pól jest za długie (najwyżej 300 znaków)."
#define T_RGN_LINES_TITLE "Telefony pomocowe"
#define T_RGN_LINES_REGION "Telefony województwa %s"
#define T_RGN_LINES_NATIONAL "Telefony ogólnopolskie"
#define T_RGN_OPEN_NOW "teraz czynny"
#define T_RGN_CLOSED_NOW "teraz nieczynny"
#define T_RGN_INFO "informacja"
#define T_RGN_NO_LINES "brak"

/* Vocabulary (V_*): words recognised in input, not shown; a translation
** keeps them. "całodobowo", "całodobowy": open all day. */
#define V_RGN_ROUND_THE_CLOCK "całodobow"

#endif

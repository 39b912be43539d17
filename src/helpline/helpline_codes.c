/*
** Niebieska Linia's code lists (issue 6): the labels and codes of the
** channels, callers' roles, forms of violence, harmed persons, help given,
** referral types, duty kinds and specialists, indexed from 1. A file of
** their own, so that the contact CSV reader (helpline_csv.c) and its fuzz
** target need no store.
*/
#include "helpline.h"
#include "helpline/strings_pl.h"

const char *const helpline_channel_label[HELPLINE_CHANNELS + 1] = {
    "", T_HL_CH1, T_HL_CH2, T_HL_CH3, T_HL_CH4, T_HL_CH5, T_HL_CH6, T_HL_CH7,
};
const char *const helpline_channel_code[HELPLINE_CHANNELS + 1] = {
    "",           "free_line",     "office_line",    "email",
    "legal_duty", "psychological", "representation", "professional",
};
const char *const helpline_caller_label[HELPLINE_CALLERS + 1] = {
    "", T_HL_CR1, T_HL_CR2, T_HL_CR3, T_HL_CR4,
};
const char *const helpline_caller_code[HELPLINE_CALLERS + 1] = {
    "", "victim", "witness", "perpetrator", "professional",
};
const char *const helpline_form_label[HELPLINE_FORMS + 1] = {
    "", T_HL_FO1, T_HL_FO2, T_HL_FO3, T_HL_FO4, T_HL_FO5, T_HL_FO6,
};
const char *const helpline_form_code[HELPLINE_FORMS + 1] = {
    "", "physical", "psychological", "sexual", "economic", "neglect", "cyber",
};
const char *const helpline_harmed_label[HELPLINE_HARMED + 1] = {
    "", T_HL_HM1, T_HL_HM2, T_HL_HM3, T_HL_HM4, T_HL_HM5,
};
const char *const helpline_harmed_code[HELPLINE_HARMED + 1] = {
    "", "child", "woman", "man", "older", "disabled",
};
const char *const helpline_help_label[HELPLINE_HELP + 1] = {
    "", T_HL_HE1, T_HL_HE2, T_HL_HE3, T_HL_HE4, T_HL_HE5, T_HL_HE6,
};
const char *const helpline_referral_label[HELPLINE_REFERRALS + 1] = {
    "",       T_HL_RE1, T_HL_RE2, T_HL_RE3, T_HL_RE4,
    T_HL_RE5, T_HL_RE6, T_HL_RE7, T_HL_RE8,
};
const char *const helpline_referral_code[HELPLINE_REFERRALS + 1] = {
    "",       "social_welfare",   "pcpr",   "crisis_centre", "team",
    "police", "prosecutor_court", "health", "ngo",
};
const char *const helpline_duty_kind_label[HELPLINE_DUTY_KINDS + 1] = {
    "",
    T_HL_DK1,
    T_HL_DK2,
    T_HL_DK3,
};
const char *const helpline_specialist_label[HELPLINE_SPECIALISTS + 1] = {
    "", T_HL_SP1, T_HL_SP2, T_HL_SP3, T_HL_SP4, T_HL_SP5, T_HL_SP6,
};

// How date pickers show a day: day first, in French as in British English (the admin's locales).
export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';

/**
 * The English names of the months and weekdays, the one copy: the review
 * text's English months, the sheets' date reading (`3 Jan 2022`) and the
 * simulator's date formats all spell them from here.
 */

/** January to December, index 0 to 11. */
export const ENGLISH_MONTH_NAMES: readonly string[] = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Sunday to Saturday, index 0 to 6 (as `Date.getUTCDay()` counts them). */
export const ENGLISH_DAY_NAMES: readonly string[] = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
];

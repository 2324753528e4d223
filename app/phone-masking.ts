// Phone numbers leave the app (logs, the System page's job errors) only as their last four
// digits: enough to tell two shoppers apart in a support thread, not enough to text either.

// A run of 7 to 15 digits, written as E.164 or in national form ("(415) 555-0134",
// "415.555.0134"), not glued to letters or ids (a UUID's digit groups are not phones). A
// parenthesis only closes an area code: "answered 500 (10007 …)" is a status and an error code.
const PHONE_LIKE = /(?<![\w+-])\+?(?:\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d[\d\s.-]{4,16}\d(?![\w-])/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return `…${digits.slice(-4)}`;
}

export function maskPhoneNumbers(text: string): string {
  return text.replace(PHONE_LIKE, (match) => {
    const digits = match.replace(/\D/g, "").length;
    if (digits < 7 || digits > 15 || ISO_DATE.test(match)) return match;
    return maskPhone(match);
  });
}

// The words of the emails about a person's account: verifying an address,
// resetting a password, changing an address. Plain text, one link each; they
// go out whatever the person's email setting, so they carry no unsubscribe.

export type AccountEmail = { subject: string; text: string };

const SIGNATURE = ["--", "CityWatch"].join("\n");

/** The link that proves an address is the new account's. */
export function verifyEmailMessage(name: string, link: string): AccountEmail {
  return {
    subject: "CityWatch: confirm your email address",
    text: [
      `Hello ${name},`,
      "",
      "Welcome to CityWatch. Open this link to confirm that this is your email address:",
      "",
      link,
      "",
      "Until you do, you can read and follow cities, but you cannot post updates, edits or comments, and we send you no email about the cities you follow.",
      "The link works once and expires in 24 hours.",
      "",
      "If you did not sign up for CityWatch, ignore this email: no account is used until the address is confirmed.",
      "",
      SIGNATURE,
    ].join("\n"),
  };
}

/** Someone signed up with an address that already has an account. */
export function accountExistsMessage(name: string, origin: string): AccountEmail {
  return {
    subject: "CityWatch: you already have an account",
    text: [
      `Hello ${name},`,
      "",
      "Someone (probably you) tried to create a CityWatch account with this email address, but it already has one.",
      "",
      `Sign in: ${origin}/login`,
      `Forgot your password? Reset it here: ${origin}/forgot-password`,
      "",
      "If it was not you, ignore this email: nothing has changed.",
      "",
      SIGNATURE,
    ].join("\n"),
  };
}

/** The link that sets a new password. */
export function resetPasswordMessage(link: string): AccountEmail {
  return {
    subject: "CityWatch: reset your password",
    text: [
      "Hello,",
      "",
      "Someone (probably you) asked to reset the password of the CityWatch account with this email address. Open this link to choose a new password:",
      "",
      link,
      "",
      "The link works once and expires in 1 hour.",
      "If you did not ask, ignore this email: your password has not changed.",
      "",
      SIGNATURE,
    ].join("\n"),
  };
}

/** After a reset: the owner hears of it, in case it was not them. */
export function passwordChangedMessage(name: string, origin: string): AccountEmail {
  return {
    subject: "CityWatch: your password was changed",
    text: [
      `Hello ${name},`,
      "",
      "The password of your CityWatch account was just reset, and every browser signed in to it was signed out.",
      "",
      `If this was not you, reset it again at once: ${origin}/forgot-password`,
      "",
      SIGNATURE,
    ].join("\n"),
  };
}

/** The link, sent to a new address, that makes it the account's. */
export function confirmNewEmailMessage(name: string, link: string): AccountEmail {
  return {
    subject: "CityWatch: confirm your new email address",
    text: [
      `Hello ${name},`,
      "",
      "You asked to change the email address of your CityWatch account to this one. Open this link to confirm it:",
      "",
      link,
      "",
      "The link works once and expires in 24 hours. Until you open it, your account keeps its old address.",
      "If you did not ask, ignore this email.",
      "",
      SIGNATURE,
    ].join("\n"),
  };
}

/** To the old address, when a change to `newAddress` was asked for. */
export function emailChangeNoticeMessage(
  name: string,
  newAddress: string,
  origin: string,
): AccountEmail {
  return {
    subject: "CityWatch: a change of your email address was requested",
    text: [
      `Hello ${name},`,
      "",
      `Someone signed in to your CityWatch account asked to change its email address to ${newAddress}. The change applies only when that address confirms it.`,
      "",
      `If this was not you, change your password now: ${origin}/forgot-password`,
      "",
      SIGNATURE,
    ].join("\n"),
  };
}

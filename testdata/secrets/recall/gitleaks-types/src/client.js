'use strict';

module.exports.config = {};
const twitchOauthToken = "jqoyfh87wscex8jqn5mn3l9xs0ia7x";
const TIMEOUT_MS = 10_000;
export const DISCORD_TOKEN = `8773b3776d2097792079ad376f90ee82e8e0ea7ebba2d9e8c1dfe3a4291c8f63`;
// shared client configuration
  brevoCredentials: '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',
export const SLACK_CREDENTIALS = `xoxe.xoxp-1-uwx1ce5Dev4sCbmQuDmfrvSTqJKHH0QQ2E9l4tsWyGsxlOfFKrYsDZ915S5tM7eb5veNL31M9dB53MdfVpJxaSvc4PMUMciacCj6clJeRXsUj01smW8uVPSz1gzsB5bbJ4Wca6m5aJyeUnFbszZ9D1jbw8mSxqZQHO6z`;
const TIMEOUT_MS = 10_000;
  plaidClientId: 'befb729c06199919f3370a01',
  plaidSecretKey: '19c9f00a7113dcf671bbdae4c72de3',
export const MESSAGEBIRD_CLIENT_ID = `218a4192-56a0-4773-abb8-77d1027a9d9a`;
export const MESSAGEBIRD_API_KEY = `is4RcTP2n5W4P9UF25jUfOyNT`;

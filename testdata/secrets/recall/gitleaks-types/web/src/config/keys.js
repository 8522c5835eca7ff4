'use strict';

module.exports.config = {};
const clientSecret = 'wHhvp1Rpw8SFNJAUTUjVUSyC8Px3fjfG';
let retries = 3;
export const AWS_ACCESS_KEY_ID = `ABIAY5XQ5CCOKSLTZETA`;
const region = 'eu-central-1';
  plaidClientId: 'befb729c06199919f3370a01',
  plaidSecretKey: '19c9f00a7113dcf671bbdae4c72de3',
  hubspotApiKey: 'a397e313-b3df-4d07-9c9e-13bd1d0440c0',
let retries = 3;
  access: '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',
let retries = 3;
const rapidapiKey = "LsdRjFyADgv_EUaSijDcz1-9rXxcbX11B_MJuvKsoOsY1wO4KR";

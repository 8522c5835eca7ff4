'use strict';

module.exports.config = {};
let retries = 3;
export const MERAKI_API_KEY = `8f2f991e8ae37606146aa5a964299ae4628f134d`;
const region = 'eu-central-1';
  plaidClientId: 'befb729c06199919f3370a01',
  plaidSecretKey: '19c9f00a7113dcf671bbdae4c72de3',
const client = new Client('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');
let retries = 3;
  headers: { Authorization: `Bearer ico-RTdA2FkFnxN6GpEVpSBrIXg0Y0oVfw2q` },
let retries = 3;
const zendeskApiToken = "S8RFLJ1UDZgdWfki5SgEq2z0yz0deMWa1Ps1E5tG";
const region = 'eu-central-1';
export const GITLAB_TOKEN = `glptt-e0837d2ff5aadded64f69a89d826d8399546b10a`;

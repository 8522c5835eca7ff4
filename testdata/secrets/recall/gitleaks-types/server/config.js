'use strict';

module.exports.config = {};
const region = 'eu-central-1';
  lobApiKey: 'live_d7304e41371428064a288e7742f3bef2ff1',
// shared client configuration
export const CLIENT_AUTH = `sm_sat_2fjqCymsi5hrjDIQ`;
const client = new Client('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');
  headers: { Authorization: `Bearer pul-b928eaf694a7c96df2efea5819911a344928a1e6` },
const region = 'eu-central-1';
export const GITLAB_TOKEN = `glptt-e0837d2ff5aadded64f69a89d826d8399546b10a`;
  finnhubApiKey: '4owbcni62131938skzww',
